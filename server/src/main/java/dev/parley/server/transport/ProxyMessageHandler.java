package dev.parley.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the decoded PROXY header of a trusted proxy's connection: records the client's address
 * (the proxy's own for a {@code LOCAL} command, such as a health check, or an address family
 * other than TCP over IPv4 or IPv6), tells the later stages the connection is active, and leaves.
 * A malformed header closes the connection.
 */
final class ProxyMessageHandler extends SimpleChannelInboundHandler<HAProxyMessage> {

    private static final Logger log = LoggerFactory.getLogger(ProxyMessageHandler.class);

    private final InetSocketAddress peer;
    /** Set at the first bad header: the decoder may report the lines after it too, which are not logged. */
    private boolean refused;

    ProxyMessageHandler(InetSocketAddress peer) {
        this.peer = peer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HAProxyMessage header) {
        InetSocketAddress client = clientOf(header);
        ClientAddress.set(ctx.channel(), client);
        log.debug(
                "{}: PROXY {} header from {}",
                ClientAddress.text(client.getAddress()),
                header.protocolVersion(),
                ClientAddress.text(peer.getAddress()));
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    /** The address the header speaks for, or the proxy's own where it speaks for none. */
    InetSocketAddress clientOf(HAProxyMessage header) {
        HAProxyProxiedProtocol protocol = header.proxiedProtocol();
        boolean ip = protocol == HAProxyProxiedProtocol.TCP4 || protocol == HAProxyProxiedProtocol.TCP6;
        if (header.command() == HAProxyCommand.LOCAL || !ip) {
            return peer;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(header.sourceAddress());
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), header.sourcePort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the decoder checked the address: " + header.sourceAddress(), e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof DecoderException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (!refused) {
            refused = true;
            log.info(
                    "{}: bad PROXY header from a trusted proxy, closing: {}",
                    ClientAddress.text(peer.getAddress()),
                    cause.getMessage());
        }
        ctx.close();
    }
}
