package dev.parley.server.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random HTTP input for {@link HttpFuzzIT}: real requests with bytes flipped, dropped or
 * repeated; bad request lines and methods; huge and broken headers and bodies; WebSocket
 * handshakes that are wrong or followed by garbage frames; random bytes; several of these
 * pipelined. Deterministic for a given {@link Random}, so a case can be replayed from its seed.
 */
final class HttpFuzz {

    private static final List<String> PATHS = List.of(
            "/",
            "/healthz",
            "/metrics",
            "/ws",
            "/js/main.js",
            "/style.css",
            "/index.html",
            "/missing",
            "/../etc/passwd",
            "/%2e%2e/x",
            "/%00",
            "//",
            "*",
            "http://evil.example/",
            "/ws?x=1",
            "/healthz#frag",
            "/\u00e9t\u00e9");
    private static final List<String> METHODS = List.of(
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "OPTIONS",
            "TRACE",
            "CONNECT",
            "PATCH",
            "PRI",
            "get",
            "G\u00c9T",
            "",
            "GET GET");
    private static final List<String> VERSIONS = List.of(
            "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "HTTP/", "", "http/1.1", "HTTP/1.1 extra");

    private HttpFuzz() {}

    /** One fuzz case: the bytes a client sends on one connection. */
    static byte[] next(Random random) {
        int pipelined = random.nextInt(8) == 0 ? 2 + random.nextInt(6) : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pipelined; i++) {
            out.writeBytes(one(random));
        }
        return out.toByteArray();
    }

    private static byte[] one(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> mutate(random, validRequest(random));
            case 1 ->
                ascii(method(random) + " " + path(random) + " " + VERSIONS.get(random.nextInt(VERSIONS.size()))
                        + "\r\nHost: localhost\r\n\r\n");
            case 2 -> hugeHeaders(random);
            case 3 -> badBody(random);
            case 4 -> webSocket(random);
            case 5 -> randomBytes(random, random.nextInt(4096));
            default -> validRequest(random);
        };
    }

    private static byte[] validRequest(Random random) {
        String path = PATHS.get(random.nextInt(6));
        return ascii("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (random.nextBoolean() ? "Connection: close\r\n" : "") + "\r\n");
    }

    private static String method(Random random) {
        return random.nextInt(4) == 0
                ? token(random, 1 + random.nextInt(40))
                : METHODS.get(random.nextInt(METHODS.size()));
    }

    private static String path(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "/" + "a".repeat(random.nextInt(10_000));
            case 1 -> "/" + token(random, random.nextInt(200));
            default -> PATHS.get(random.nextInt(PATHS.size()));
        };
    }

    private static byte[] hugeHeaders(Random random) {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
        switch (random.nextInt(5)) {
            case 0 ->
                request.append("X-Big: ")
                        .append("b".repeat(4000 + random.nextInt(20_000)))
                        .append("\r\n");
            case 1 -> {
                for (int i = 0, n = random.nextInt(400); i < n; i++) {
                    request.append("X-")
                            .append(i)
                            .append(": ")
                            .append(token(random, 10))
                            .append("\r\n");
                }
            }
            case 2 -> request.append("no colon here\r\n").append(" folded continuation\r\n");
            case 3 ->
                request.append(token(random, 30))
                        .append(":")
                        .append(token(random, 30))
                        .append("\r\n");
            default -> request.append("Host: second\r\nHost: third\r\n");
        }
        return ascii(request.append("\r\n").toString());
    }

    private static byte[] badBody(Random random) {
        String headers = switch (random.nextInt(6)) {
            case 0 -> "Content-Length: -1\r\n";
            case 1 -> "Content-Length: 99999999999999999999\r\n";
            case 2 -> "Content-Length: 5\r\nContent-Length: 7\r\n";
            case 3 -> "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n";
            case 4 -> "Content-Length: " + (20_000 + random.nextInt(50_000)) + "\r\n";
            default -> "Transfer-Encoding: chunked\r\n";
        };
        String body = random.nextBoolean() ? "zz\r\n" + token(random, 50) + "\r\n0\r\n\r\n" : token(random, 100);
        return ascii("POST /healthz HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n" + body);
    }

    private static byte[] webSocket(Random random) {
        String version = random.nextInt(4) == 0 ? token(random, 3) : "13";
        String key = random.nextInt(4) == 0 ? "" : "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        String origin = switch (random.nextInt(4)) {
            case 0 -> "Origin: https://evil.example\r\n";
            case 1 -> "Origin: " + token(random, 20) + "\r\n";
            case 2 -> "Origin: http://127.0.0.1\r\n";
            default -> "";
        };
        String method = random.nextInt(5) == 0 ? "POST" : "GET";
        String path = random.nextInt(5) == 0 ? "/healthz" : "/ws";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\n" + key + "Sec-WebSocket-Version: " + version + "\r\n"
                + "Sec-WebSocket-Protocol: " + (random.nextBoolean() ? "text.ircv3.net" : token(random, 12)) + "\r\n"
                + origin + "\r\n"));
        if (random.nextBoolean()) {
            out.writeBytes(frames(random));
        }
        return out.toByteArray();
    }

    /** Masked frames with random opcodes, lengths that may lie, and payloads (IRC lines or bytes). */
    private static byte[] frames(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            byte[] payload = random.nextBoolean() ? ascii("PING :fuzz" + i) : randomBytes(random, random.nextInt(300));
            out.write((random.nextBoolean() ? 0x80 : 0) | random.nextInt(16));
            int length = random.nextInt(10) == 0 ? 126 + random.nextInt(2) : Math.min(payload.length, 125);
            out.write((random.nextInt(6) == 0 ? 0 : 0x80) | length);
            if (length == 126) {
                out.write(random.nextInt(256));
                out.write(random.nextInt(256));
            } else if (length == 127) {
                out.writeBytes(randomBytes(random, 8));
            }
            out.writeBytes(randomBytes(random, 4));
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    /** A request with a few of its bytes flipped, dropped or repeated. */
    private static byte[] mutate(Random random, byte[] request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : request) {
            switch (random.nextInt(40)) {
                case 0 -> out.write(random.nextInt(256));
                case 1 -> {}
                case 2 -> out.writeBytes(new byte[] {b, b});
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String token(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x100) : '!' + random.nextInt(94)));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
