package dev.parley.server.config;

import java.util.List;

/**
 * The HTTP listeners: the browser client at {@code /}, the IRCv3 WebSocket transport at
 * {@code /ws}, {@code /healthz} and {@code /metrics}.
 *
 * @param listen addresses to serve HTTP on; empty: no HTTP at all
 * @param tls whether they speak HTTPS
 */
public record HttpConfig(List<ListenAddress> listen, Tls tls) {

    /** Whether the HTTP listeners use TLS. */
    public enum Tls {
        /** HTTPS when {@code tls.listen} is set (the server has a certificate in use anyway). */
        AUTO,
        ON,
        OFF
    }

    public HttpConfig {
        listen = List.copyOf(listen);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(List.of(new ListenAddress("127.0.0.1", 8080)), Tls.AUTO);
    }

    /** Whether HTTPS is served, given whether IRC over TLS is. */
    public boolean https(boolean ircTls) {
        return tls == Tls.ON || (tls == Tls.AUTO && ircTls);
    }
}
