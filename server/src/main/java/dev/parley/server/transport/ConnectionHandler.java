package dev.parley.server.transport;

import dev.parley.server.auth.ConnectionCounts;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.session.Departures;
import dev.parley.server.session.InboundLine;
import dev.parley.server.session.InboundQueue;
import dev.parley.server.session.KeepAlive;
import dev.parley.server.session.LineProcessor;
import dev.parley.server.session.Session;
import dev.parley.server.session.Sessions;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one bridge from Netty into the server: makes a {@link Session} for the channel, feeds it the
 * decoded lines and tells {@link Departures} when the channel goes away. Also applies the per-IP
 * connection limits before anything else happens.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<InboundLine> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final int INBOUND_HIGH_WATER = 32;

    private final ConnectionHandler.TransportWiring wiring;
    private NettyConnection connection;
    private Session session;
    private boolean counted;
    /** Counted in the cluster-wide per-address counts too (on a cluster). */
    private boolean countedEverywhere;

    private boolean inactive;

    ConnectionHandler(TransportWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new NettyConnection(ctx.channel(), wiring.sendQueueBytes(), wiring.onSendQueueExceeded());
        ConnectionLimiter.Decision decision = wiring.limiter().acquire(connection.remoteIp(), connection.isLoopback());
        if (decision != ConnectionLimiter.Decision.ALLOWED) {
            refuse(ctx, decision);
            return;
        }
        counted = true;
        session = new Session(connection);
        LineProcessor processor = wiring.processor();
        session.attach(new InboundQueue(
                session.connection(), processor.boundTo(session), System::nanoTime, INBOUND_HIGH_WATER));
        wiring.sessions().add(session);
        wiring.keepAlive().start(session);
        logConnected(ctx);
        countEverywhere(ctx);
        ctx.fireChannelActive();
    }

    /**
     * On a cluster, counts the connection in the address's counts on every node; a refusal comes a
     * Redis round trip later, on this channel's event loop. Never waits.
     */
    private void countEverywhere(ChannelHandlerContext ctx) {
        ConnectionLimitsConfig limits = wiring.limiter().limits();
        if (!limits.enabled() || (connection.isLoopback() && limits.exemptLoopback())) {
            return;
        }
        String ip = connection.remoteIp();
        wiring.everywhere()
                .opened(ip, limits.maxPerIp(), limits.throttleConnections(), limits.throttleWindow())
                .whenComplete((verdict, failure) -> ctx.executor().execute(() -> heardEverywhere(ctx, ip, verdict)));
    }

    private void heardEverywhere(ChannelHandlerContext ctx, String ip, ConnectionCounts.Verdict verdict) {
        if (verdict == ConnectionCounts.Verdict.COUNTED) {
            if (inactive) {
                wiring.everywhere().closed(ip);
            } else {
                countedEverywhere = true;
            }
        } else if (!inactive && verdict == ConnectionCounts.Verdict.TOO_MANY) {
            refuse(ctx, ConnectionLimiter.Decision.TOO_MANY);
        } else if (!inactive && verdict == ConnectionCounts.Verdict.THROTTLED) {
            refuse(ctx, ConnectionLimiter.Decision.THROTTLED);
        }
    }

    /** Names the proxy too when one spoke for the client, so the operator can tell. */
    private void logConnected(ChannelHandlerContext ctx) {
        InetSocketAddress peer = ClientAddress.peer(ctx.channel());
        InetSocketAddress client = ClientAddress.of(ctx.channel());
        if (peer != null && !peer.equals(client)) {
            log.info(
                    "{} connected from {} (via proxy {})",
                    connection,
                    connection.remoteIp(),
                    ClientAddress.text(peer.getAddress()));
        } else {
            log.info("{} connected from {}", connection, connection.remoteIp());
        }
    }

    private void refuse(ChannelHandlerContext ctx, ConnectionLimiter.Decision decision) {
        String why = decision == ConnectionLimiter.Decision.TOO_MANY
                ? "Too many connections from your IP"
                : "Too many connection attempts from your IP; try again later";
        log.info("{} refused from {}: {}", connection, connection.remoteIp(), why);
        byte[] line = ("ERROR :Closing Link: " + connection.remoteIp() + " (" + why + ")\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ctx.writeAndFlush(ctx.alloc().buffer(line.length).writeBytes(line)).addListener(f -> ctx.close());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundLine line) {
        if (session != null) {
            connection.writeQueuedBeforeInput();
            session.inbound().offer(line);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inactive = true;
        if (counted) {
            wiring.limiter().release(connection.remoteIp(), connection.isLoopback());
        }
        if (countedEverywhere) {
            wiring.everywhere().closed(connection.remoteIp());
        }
        if (session != null) {
            String reason = connection.closeReason() != null ? connection.closeReason() : "Connection closed";
            wiring.departures().depart(session, reason);
            wiring.sessions().remove(session);
        }
        if (connection != null) {
            connection.closed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("{} i/o error: {}", connection, cause.getMessage());
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            log.info(
                    "{} closed: no TLS from {} ({})",
                    connection,
                    connection == null ? "?" : connection.remoteIp(),
                    cause.getCause().getMessage());
        } else {
            log.warn("{} pipeline error", connection, cause);
            wiring.onError().run();
        }
        ctx.close();
    }

    /**
     * What every connection's handler shares.
     *
     * @param everywhere the per-address counts of every node of a cluster ({@code LOCAL} on a single node)
     */
    record TransportWiring(
            LineProcessor processor,
            Departures departures,
            KeepAlive keepAlive,
            Sessions sessions,
            ConnectionLimiter limiter,
            ConnectionCounts everywhere,
            long sendQueueBytes,
            Runnable onError,
            Runnable onSendQueueExceeded) {

        /** A single node's. */
        TransportWiring(
                LineProcessor processor,
                Departures departures,
                KeepAlive keepAlive,
                Sessions sessions,
                ConnectionLimiter limiter,
                long sendQueueBytes,
                Runnable onError,
                Runnable onSendQueueExceeded) {
            this(
                    processor,
                    departures,
                    keepAlive,
                    sessions,
                    limiter,
                    ConnectionCounts.LOCAL,
                    sendQueueBytes,
                    onError,
                    onSendQueueExceeded);
        }
    }
}
