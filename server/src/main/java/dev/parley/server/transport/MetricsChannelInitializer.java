package dev.parley.server.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of the {@code metrics.listen} listener: the public HTTP pipeline's limits (idle
 * clock, per-IP gate, whole-request deadline) and its routes for {@code /metrics}, {@code /livez}
 * and {@code /readyz}, without the browser client's files, the WebSocket or TLS. A scraper on a
 * private port needs none of those, and each one left out is surface an attacker cannot reach.
 */
final class MetricsChannelInitializer extends ChannelInitializer<Channel> {

    private static final int MAX_REQUEST = 16 * 1024;

    private final HttpEndpoints endpoints;
    private final ConnectionLimiter httpLimiter;
    private final Duration idleTimeout;
    private final Duration requestTimeout;
    private final Runnable onError;

    MetricsChannelInitializer(
            HttpEndpoints endpoints,
            ConnectionLimiter httpLimiter,
            Duration idleTimeout,
            Duration requestTimeout,
            Runnable onError) {
        this.endpoints = endpoints;
        this.httpLimiter = httpLimiter;
        this.idleTimeout = idleTimeout;
        this.requestTimeout = requestTimeout;
        this.onError = onError;
    }

    @Override
    protected void initChannel(Channel channel) {
        HttpRequestDeadline deadline = new HttpRequestDeadline(requestTimeout);
        channel.pipeline()
                .addLast(
                        WebSocketUpgrade.IDLE,
                        new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(WebSocketUpgrade.GATE, new HttpConnectionGate(httpLimiter))
                .addLast(WebSocketUpgrade.DEADLINE, deadline)
                .addLast("http", new HttpServerCodec())
                .addLast(WebSocketUpgrade.SECURITY_HEADERS, HttpSecurityHeaders.INSTANCE)
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST))
                .addLast(WebSocketUpgrade.ARRIVED, deadline.arrived())
                .addLast("routes", new HttpRoutes(endpoints, Optional.empty(), true, onError));
    }
}
