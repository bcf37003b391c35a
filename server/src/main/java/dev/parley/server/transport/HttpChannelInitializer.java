package dev.parley.server.transport;

import dev.parley.server.admin.AdminApi;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ProxyConfig;
import dev.parley.server.metrics.TransportConnections;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP pipeline: a trusted proxy's PROXY header, an idle clock, TLS when configured, the per-IP gate, the whole-request
 * deadline, HTTP/1.1 with the security headers on every response, the origin check of WebSocket
 * handshakes, the WebSocket upgrade on {@code /ws} (IRCv3 subprotocols), and the plain routes for
 * everything else (the admin console's among them, where this listener serves it).
 */
final class HttpChannelInitializer extends ChannelInitializer<Channel> {

    /** The largest WebSocket frame: one line with the most tags IRCv3 allows. */
    private static final int MAX_FRAME = IrcLineDecoder.MAX_FRAME + 2;

    private static final int MAX_REQUEST = 16 * 1024;

    private final ConnectionHandler.TransportWiring wiring;
    private final HttpEndpoints endpoints;
    private final WebResources files = new WebResources();
    private final TlsContexts tls;
    private final TransportConnections websockets;
    private final ConnectionLimiter httpLimiter;
    private final Duration idleTimeout;
    private final Duration requestTimeout;
    private final WebSocketOrigins origins;
    private final TlsRefusalHandler tlsRefusals;
    private final AdminApi admin;
    private final boolean servesMetrics;
    private final ProxyConfig proxies;

    /**
     * @param tls the certificate to serve HTTPS with, or null for plain HTTP
     * @param admin the admin console's API, or null when this listener does not serve it
     */
    HttpChannelInitializer(
            ConnectionHandler.TransportWiring wiring,
            HttpEndpoints endpoints,
            TlsContexts tls,
            TransportConnections websockets,
            ConnectionLimiter httpLimiter,
            HttpConfig config,
            TlsRefusalHandler tlsRefusals,
            AdminApi admin,
            ProxyConfig proxies) {
        this.wiring = wiring;
        this.endpoints = endpoints;
        this.tls = tls;
        this.websockets = websockets;
        this.httpLimiter = httpLimiter;
        this.idleTimeout = config.idleTimeout();
        this.requestTimeout = config.requestTimeout();
        this.origins = new WebSocketOrigins(config.allowedOrigins());
        this.tlsRefusals = tlsRefusals;
        this.admin = admin;
        this.servesMetrics = config.metricsListen().isEmpty();
        this.proxies = proxies;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast(ProxyHeaderHandler.NAME, new ProxyHeaderHandler(proxies))
                .addLast(
                        WebSocketUpgrade.IDLE,
                        new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        if (tls != null) {
            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc())).addLast("tls-refusals", tlsRefusals);
        }
        WebSocketServerProtocolConfig websocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                .subprotocols(WebSocketUpgrade.TEXT + "," + WebSocketUpgrade.BINARY)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(MAX_FRAME)
                        .closeOnProtocolViolation(false)
                        .build()) // FrameViolationHandler closes, after a linger
                .build();
        HttpRequestDeadline deadline = new HttpRequestDeadline(requestTimeout);
        channel.pipeline()
                .addLast(WebSocketUpgrade.GATE, new HttpConnectionGate(httpLimiter, proxies))
                .addLast(WebSocketUpgrade.DEADLINE, deadline)
                .addLast("http", new HttpServerCodec())
                .addLast(WebSocketUpgrade.SECURITY_HEADERS, HttpSecurityHeaders.INSTANCE)
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST))
                .addLast(WebSocketUpgrade.ARRIVED, deadline.arrived())
                .addLast(WebSocketUpgrade.ORIGIN, new WebSocketOriginHandler(origins))
                .addLast(WebSocketUpgrade.PROTOCOL, new WebSocketServerProtocolHandler(websocket))
                .addLast("upgrade", new WebSocketUpgrade(wiring, websockets, new ForwardedFor(proxies)))
                .addLast(
                        "routes",
                        new HttpRoutes(
                                endpoints,
                                Optional.of(files),
                                servesMetrics,
                                wiring.onError(),
                                admin == null ? null : new AdminExchange(admin, tls != null)));
    }
}
