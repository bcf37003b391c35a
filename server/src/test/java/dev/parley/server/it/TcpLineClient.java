package dev.parley.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A TCP IRC client for a test that sends much and checks little: a thread reads everything the
 * server sends (so the client never falls behind), keeping the last lines and noticing the close.
 * Unlike testkit's strict client it does not fail on what it receives: the fuzzer's replies may be
 * anything the server says to garbage.
 */
final class TcpLineClient implements LineClient {

    private static final int KEPT = 200;

    private final Socket socket;
    private final OutputStream out;
    private final Deque<String> recent = new ArrayDeque<>();
    private volatile String closedBecause;

    private TcpLineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readAll, "tcp-line-client-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    static TcpLineClient connect(TestServer server) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server.address(), 5000);
            return new TcpLineClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers as {@code nick} with {@code caps} and the seed's password, and waits for 001. */
    TcpLineClient register(String nick, String... caps) {
        StringBuilder lines = new StringBuilder();
        if (caps.length > 0) {
            lines.append("CAP LS 302\r\nCAP REQ :")
                    .append(String.join(" ", caps))
                    .append("\r\n");
        }
        lines.append("PASS chat@123\r\nNICK ")
                .append(nick)
                .append("\r\nUSER ")
                .append(nick)
                .append(" 0 * :")
                .append(nick)
                .append("\r\n");
        if (caps.length > 0) {
            lines.append("CAP END\r\n");
        }
        sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
        await(line -> line.contains(" 001 " + nick + " "), Duration.ofSeconds(5));
        return this;
    }

    /** Writes exactly these bytes; false when the connection is gone. */
    @Override
    public boolean sendRaw(byte[] bytes) {
        if (closedBecause != null) {
            return false;
        }
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false; // the reader sees the close and says why, after reading what came before
        }
    }

    /** Sends PING and waits for its PONG; false when the connection closed first. */
    @Override
    public boolean pingPong(String token, Duration within) {
        sendRaw(("PING :" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
        await(line -> line.contains(" PONG ") && (line.endsWith(" :" + token) || line.endsWith(" " + token)), within);
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

    @Override
    public String closedBecause() {
        return closedBecause;
    }

    @Override
    public synchronized String recentLines() {
        return String.join("\n", recent);
    }

    private void readAll() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                keep(line);
            }
            closedBecause = "the server closed the connection";
        } catch (IOException e) {
            closedBecause = "read failed: " + e;
        }
    }

    private synchronized void keep(String line) {
        recent.addLast(line);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
