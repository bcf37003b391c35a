package dev.parley.server.config;

import java.time.Duration;
import java.util.List;

/**
 * The HTTP listeners: the browser client at {@code /}, the IRCv3 WebSocket transport at
 * {@code /ws}, {@code /healthz} and {@code /metrics}.
 *
 * @param listen addresses to serve HTTP on; empty: no HTTP at all
 * @param tls whether they speak HTTPS
 * @param idleTimeout how long an HTTP connection (not yet a WebSocket) may stay silent before it is
 *     closed; WebSocket sessions are IRC sessions and follow the IRC ping timeouts instead
 */
public record HttpConfig(List<ListenAddress> listen, Tls tls, Duration idleTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

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

    /** With the default idle timeout. */
    public HttpConfig(List<ListenAddress> listen, Tls tls) {
        this(listen, tls, DEFAULT_IDLE_TIMEOUT);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(List.of(new ListenAddress("127.0.0.1", 8080)), Tls.AUTO);
    }

    /** Whether HTTPS is served, given whether IRC over TLS is. */
    public boolean https(boolean ircTls) {
        return tls == Tls.ON || (tls == Tls.AUTO && ircTls);
    }
}
