package dev.parley.server.transport;

import dev.parley.server.metrics.TransportConnections;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * The TCP IRC pipeline: TLS when configured, frame and decode lines, then hand them to the
 * connection's session.
 */
final class IrcChannelInitializer extends ChannelInitializer<Channel> {

    /** Flushes held back at most before one goes out anyway. */
    private static final int FLUSHES_BEFORE_WRITE = 256;

    private final ConnectionHandler.TransportWiring wiring;
    private final TlsContexts tls;
    private final TransportConnections counted;

    /** @param tls the certificate for IRC over TLS, or null for plain TCP */
    IrcChannelInitializer(ConnectionHandler.TransportWiring wiring, TlsContexts tls, TransportConnections counted) {
        this.wiring = wiring;
        this.tls = tls;
        this.counted = counted;
    }

    @Override
    protected void initChannel(Channel channel) {
        counted.opened();
        channel.closeFuture().addListener(closed -> counted.closed());
        if (tls != null) {
            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
        }
        channel.pipeline()
                // Many lines for one client in one event-loop turn (a busy room) go out in one write
                // instead of one system call each.
                .addLast("flush", new FlushConsolidationHandler(FLUSHES_BEFORE_WRITE, true))
                .addLast("lines", new IrcLineDecoder())
                .addLast("session", new ConnectionHandler(wiring));
    }
}
