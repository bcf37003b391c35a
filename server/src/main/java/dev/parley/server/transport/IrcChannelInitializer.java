package dev.parley.server.transport;

import dev.parley.server.config.ProxyConfig;
import dev.parley.server.metrics.TransportConnections;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * The TCP IRC pipeline: a trusted proxy's PROXY header, TLS when configured (its failures logged without the client's bytes), frame
 * and decode lines, then hand them to the
 * connection's session.
 */
final class IrcChannelInitializer extends ChannelInitializer<Channel> {

    private final ConnectionHandler.TransportWiring wiring;
    private final TlsContexts tls;
    private final TransportConnections counted;
    private final TlsRefusalHandler tlsRefusals;
    private final ProxyConfig proxies;

    /** @param tls the certificate for IRC over TLS, or null for plain TCP */
    IrcChannelInitializer(
            ConnectionHandler.TransportWiring wiring,
            TlsContexts tls,
            TransportConnections counted,
            TlsRefusalHandler tlsRefusals,
            ProxyConfig proxies) {
        this.wiring = wiring;
        this.tls = tls;
        this.counted = counted;
        this.tlsRefusals = tlsRefusals;
        this.proxies = proxies;
    }

    @Override
    protected void initChannel(Channel channel) {
        counted.opened();
        channel.closeFuture().addListener(closed -> counted.closed());
        channel.pipeline().addLast(ProxyHeaderHandler.NAME, new ProxyHeaderHandler(proxies));
        if (tls != null) {
            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc())).addLast("tls-refusals", tlsRefusals);
        }
        // No flush consolidation handler: NettyConnection gathers a turn's lines and flushes once.
        channel.pipeline().addLast("lines", new IrcLineDecoder()).addLast("session", new ConnectionHandler(wiring));
    }
}
