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
 * @param requestTimeout how long a request may take to arrive whole (line, headers, body), from
 *     its first byte; a client trickling a request (slowloris) is closed with 408 after it
 * @param allowedOrigins web pages, besides the server's own, whose scripts may open {@code /ws}
 * @param maxLoopbackConnections HTTP connections (not yet WebSockets) this machine may hold at once
 *     while {@code limits.connections.exempt-loopback} spares it the per-IP limit
 * @param metricsListen where {@code /metrics} is served instead of on {@code listen} (key
 *     {@code metrics.listen}): a port a firewall keeps for the scraper, so that the public listener,
 *     perhaps open to the internet behind a proxy, does not show the server's internals; empty:
 *     {@code /metrics} on {@code listen}
 */
public record HttpConfig(
        List<ListenAddress> listen,
        Tls tls,
        Duration idleTimeout,
        Duration requestTimeout,
        List<WebOrigin> allowedOrigins,
        int maxLoopbackConnections,
        List<ListenAddress> metricsListen) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_LOOPBACK_CONNECTIONS = 256;

    /** Whether the HTTP listeners use TLS. */
    public enum Tls {
        /** HTTPS when {@code tls.listen} is set (the server has a certificate in use anyway). */
        AUTO,
        ON,
        OFF
    }

    public HttpConfig {
        listen = List.copyOf(listen);
        allowedOrigins = List.copyOf(allowedOrigins);
        metricsListen = List.copyOf(metricsListen);
    }

    /** With the default limits and idle timeout. */
    public HttpConfig(List<ListenAddress> listen, Tls tls) {
        this(listen, tls, DEFAULT_IDLE_TIMEOUT);
    }

    /** With the default limits. */
    public HttpConfig(List<ListenAddress> listen, Tls tls, Duration idleTimeout) {
        this(listen, tls, idleTimeout, DEFAULT_REQUEST_TIMEOUT, List.of(), DEFAULT_MAX_LOOPBACK_CONNECTIONS, List.of());
    }

    public static HttpConfig defaults() {
        return new HttpConfig(List.of(new ListenAddress("127.0.0.1", 8080)), Tls.AUTO);
    }

    /** Whether HTTPS is served, given whether IRC over TLS is. */
    public boolean https(boolean ircTls) {
        return tls == Tls.ON || (tls == Tls.AUTO && ircTls);
    }

    public HttpConfig withRequestTimeout(Duration timeout) {
        return new HttpConfig(listen, tls, idleTimeout, timeout, allowedOrigins, maxLoopbackConnections, metricsListen);
    }

    public HttpConfig withAllowedOrigins(List<WebOrigin> origins) {
        return new HttpConfig(listen, tls, idleTimeout, requestTimeout, origins, maxLoopbackConnections, metricsListen);
    }

    public HttpConfig withMetricsListen(List<ListenAddress> addresses) {
        return new HttpConfig(
                listen, tls, idleTimeout, requestTimeout, allowedOrigins, maxLoopbackConnections, addresses);
    }

    public HttpConfig withMaxLoopbackConnections(int max) {
        return new HttpConfig(listen, tls, idleTimeout, requestTimeout, allowedOrigins, max, metricsListen);
    }
}
