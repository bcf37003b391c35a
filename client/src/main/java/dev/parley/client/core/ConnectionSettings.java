package dev.parley.client.core;

import java.time.Duration;

/**
 * Where and as whom to connect.
 *
 * @param password the server password (PASS), or null to send none
 * @param reconnect whether a lost connection is retried with {@code backoff}
 * @param timeout how long connecting and registering may take
 * @param opener plain TCP or TLS
 */
public record ConnectionSettings(
        String host,
        int port,
        String nick,
        String password,
        boolean reconnect,
        Backoff backoff,
        Duration timeout,
        SocketOpener opener) {

    /** Over plain TCP. */
    public ConnectionSettings(
            String host, int port, String nick, String password, boolean reconnect, Backoff backoff, Duration timeout) {
        this(host, port, nick, password, reconnect, backoff, timeout, SocketOpener.plain());
    }

    public ConnectionSettings withPassword(String value) {
        return new ConnectionSettings(host, port, nick, value, reconnect, backoff, timeout, opener);
    }

    public ConnectionSettings withNick(String value) {
        return new ConnectionSettings(host, port, value, password, reconnect, backoff, timeout, opener);
    }
}
