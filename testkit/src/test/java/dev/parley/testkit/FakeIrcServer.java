package dev.parley.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A scripted stand-in for a server, for testing the testkit only (real tests use the real server).
 * It accepts one connection; the test writes the server's lines up front and reads what the client
 * sent, all on the test thread: the socket buffers carry the bytes, so no thread or sleep is needed.
 */
final class FakeIrcServer implements AutoCloseable {

    private final ServerSocket listener;
    private Socket connection;
    private BufferedReader in;
    private OutputStream out;

    private FakeIrcServer(ServerSocket listener) {
        this.listener = listener;
    }

    static FakeIrcServer start() throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5_000);
        return new FakeIrcServer(listener);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** Takes the connection a client has already opened (the kernel completed it in the backlog). */
    void accept() throws IOException {
        connection = listener.accept();
        connection.setSoTimeout(5_000);
        in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        out = connection.getOutputStream();
    }

    /** Writes each line with CR LF. */
    void send(String... lines) throws IOException {
        for (String line : lines) {
            sendRaw(line + "\r\n");
        }
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line the client sent, waiting at most five seconds. */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** Closes the client's connection, as a server does after ERROR. */
    void hangUp() throws IOException {
        connection.close();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
        listener.close();
    }
}
