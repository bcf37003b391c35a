package dev.parley.client;

/**
 * What {@code parley client} was asked to do; each maps onto one flag. Null values are asked for
 * at start-up (or read from {@code PARLEY_PASSWORD} for the password).
 *
 * @param host the server ({@code --host}, default localhost)
 * @param port its IRC port ({@code --port}, default 6667)
 * @param tls connect with TLS ({@code --tls})
 * @param tlsFingerprint the SHA-256 of the server's certificate to trust ({@code --tls-fingerprint}), or null
 * @param nick the nickname ({@code --nick})
 * @param room the room ID, without {@code #} ({@code --room})
 * @param password the server password ({@code --password}); prefer {@code PARLEY_PASSWORD}
 * @param timestamps show a time before each line ({@code --timestamps})
 */
public record ClientOptions(
        String host,
        int port,
        boolean tls,
        String tlsFingerprint,
        String nick,
        String room,
        String password,
        boolean timestamps) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 6667;
    public static final String DEFAULT_ROOM = "general";

    public ClientOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        port = port == 0 ? DEFAULT_PORT : port;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, not " + port);
        }
    }

    /** The defaults: localhost:6667, everything else asked for. */
    public static ClientOptions defaults() {
        return new ClientOptions(DEFAULT_HOST, DEFAULT_PORT, false, null, null, null, null, false);
    }

    public ClientOptions withServer(String newHost, int newPort) {
        return new ClientOptions(newHost, newPort, tls, tlsFingerprint, nick, room, password, timestamps);
    }

    public ClientOptions withNick(String value) {
        return new ClientOptions(host, port, tls, tlsFingerprint, value, room, password, timestamps);
    }

    public ClientOptions withRoom(String value) {
        return new ClientOptions(host, port, tls, tlsFingerprint, nick, value, password, timestamps);
    }

    public ClientOptions withPassword(String value) {
        return new ClientOptions(host, port, tls, tlsFingerprint, nick, room, value, timestamps);
    }

    public ClientOptions withTimestamps(boolean value) {
        return new ClientOptions(host, port, tls, tlsFingerprint, nick, room, password, value);
    }

    public ClientOptions withTlsFingerprint(String value) {
        return new ClientOptions(host, port, value != null || tls, value, nick, room, password, timestamps);
    }

    public ClientOptions withTls(boolean value) {
        return new ClientOptions(host, port, value, tlsFingerprint, nick, room, password, timestamps);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ClientOptions[" + host + ":" + port + (tls ? " tls" : "") + " nick=" + nick + " room=" + room
                + " password=" + (password == null ? "unset" : "***") + " timestamps=" + timestamps + "]";
    }
}
