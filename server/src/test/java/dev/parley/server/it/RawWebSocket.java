package dev.parley.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client written on a socket the test already used (for the PROXY header): the
 * upgrade request, then one masked text frame per line; reads the server's frames, short
 * ones (under 126 bytes) as IRC lines are.
 */
final class RawWebSocket {
    private final OutputStream out;
    private final InputStream in;

    RawWebSocket(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Protocol: text.ircv3.net\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("no WebSocket upgrade: " + head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads frames until one holds {@code text}; a read past 5 s fails. */
    void awaitLineContaining(String text) throws IOException {
        List<String> seen = new ArrayList<>();
        while (true) {
            int opcode = in.read();
            int length = in.read() & 0x7f;
            if (opcode < 0 || length >= 126) {
                throw new AssertionError("no line with '" + text + "' before " + opcode + "; saw " + seen);
            }
            String line = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            seen.add(line);
            if (line.contains(text)) {
                return;
            }
        }
    }

    void sendText(String line) {
        byte[] payload = line.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81; // FIN, text
        frame[1] = (byte) (0x80 | payload.length); // masked; lines here are under 126 bytes
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
