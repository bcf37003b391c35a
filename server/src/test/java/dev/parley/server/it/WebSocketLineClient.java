package dev.parley.server.it;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * An IRC client over WebSocket ({@code binary.ircv3.net}, so any bytes can be sent) that keeps the
 * last lines it received and notices when the server closes: enough for a test that sends much and
 * checks little.
 */
final class WebSocketLineClient implements WebSocket.Listener, LineClient {

    private static final int KEPT = 200;

    private final Deque<String> recent = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile String closedBecause;
    private volatile long received;

    private WebSocketLineClient() {}

    /** Connects to the server's first HTTP listener at {@code /ws}. */
    static WebSocketLineClient connect(TestServer server) {
        InetSocketAddress http = server.server().httpAddresses().get(0);
        return connect(URI.create("ws://127.0.0.1:" + http.getPort() + "/ws"), Map.of());
    }

    /** Connects to {@code uri} (a proxy in front of the server, say), sending {@code headers} with the handshake. */
    static WebSocketLineClient connect(URI uri, Map<String, String> headers) {
        WebSocketLineClient client = new WebSocketLineClient();
        WebSocket.Builder builder = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .subprotocols("binary.ircv3.net");
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    /** Registers as {@code nick} with the seed's password and waits for 001. */
    WebSocketLineClient register(String nick) {
        send("PASS chat@123\r\nNICK " + nick + "\r\nUSER " + nick + " 0 * :" + nick);
        await(line -> line.contains(" 001 " + nick + " "), Duration.ofSeconds(5));
        return this;
    }

    void send(String lines) {
        sendRaw(lines.getBytes(StandardCharsets.UTF_8));
    }

    /** One WebSocket message holding exactly these bytes; false when the connection is gone. */
    @Override
    public boolean sendRaw(byte[] bytes) {
        if (closedBecause != null) {
            return false;
        }
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            return false; // onClose or onError says why, after the lines that came before
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a WebSocket send took over 5 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends PING and waits for its PONG; false when the connection closed first. */
    @Override
    public boolean pingPong(String token, Duration within) {
        send("PING :" + token);
        String pong = "PONG";
        await(
                line -> (line.startsWith(pong + " ") || line.contains(" " + pong + " ")) && line.endsWith(" :" + token)
                        || line.endsWith(" " + token) && line.contains(" " + pong + " "),
                within);
        return closedBecause == null;
    }

    /** Waits until a received line matches or the connection closes; fails at the deadline. */
    @Override
    public void await(Predicate<String> what, Duration within) {
        Awaitility.await()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(within)
                .until(() -> closedBecause != null || anyRecent(what));
    }

    private synchronized boolean anyRecent(Predicate<String> what) {
        return recent.stream().anyMatch(what);
    }

    /** How many lines arrived so far. */
    long received() {
        return received;
    }

    /** Why the connection ended, or null while it is open. */
    @Override
    public String closedBecause() {
        return closedBecause;
    }

    @Override
    public synchronized String recentLines() {
        return String.join("\n", recent);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return onText(ws, new String(bytes, StandardCharsets.UTF_8), last);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        synchronized (this) {
            partial.append(data);
            if (last) {
                recent.addLast(partial.toString());
                received++;
                partial.setLength(0);
                if (recent.size() > KEPT) {
                    recent.removeFirst();
                }
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closedBecause = "closed by the server: " + statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closedBecause = "failed: " + error;
    }

    @Override
    public void close() {
        if (closedBecause == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
