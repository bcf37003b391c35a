package dev.parley.server.transport;

import dev.parley.server.config.ProxyConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage of every IRC and HTTP pipeline (before TLS): takes a PROXY protocol header (v1
 * text or v2 binary) from a trusted proxy, so that the rest of the pipeline sees the client it
 * speaks for. From an untrusted peer nothing is looked at: the stage leaves at once and a header
 * is ordinary input. From a trusted one, the later stages hear that the connection is active
 * only once the client's address is known, so per-IP limits are counted against the client: when
 * the first bytes are a PROXY header it is decoded ({@link ProxyMessageHandler} takes the result);
 * when they are not, or nothing comes within {@link #HEADER_WAIT}, the connection goes on at the
 * peer's own address (a health check, a direct client on a trusted network). A header begun and
 * not finished within that time closes the connection.
 */
final class ProxyHeaderHandler extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(ProxyHeaderHandler.class);
    /** How long a trusted peer has for its first bytes (HAProxy and nginx send the header at once). */
    static final Duration HEADER_WAIT = Duration.ofSeconds(5);

    static final String NAME = "proxy-header";
    private static final String DECODER = "proxy-decoder";
    private static final String MESSAGE = "proxy-message";

    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_PREFIX = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private final ProxyConfig proxies;
    private boolean received;

    ProxyHeaderHandler(ProxyConfig proxies) {
        this.proxies = proxies;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress peer = ClientAddress.peer(ctx.channel());
        if (peer == null || !proxies.trusts(peer.getAddress())) {
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
            return;
        }
        ctx.executor().schedule(() -> expire(ctx, peer), HEADER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        received = true;
        InetSocketAddress peer = ClientAddress.peer(ctx.channel());
        if (!couldBeHeader(in)) {
            log.debug(
                    "{}: trusted proxy sent no PROXY header; taken at its own address",
                    ClientAddress.text(peer.getAddress()));
            settleAtPeer(ctx, peer);
            return;
        }
        if (HAProxyMessageDecoder.detectProtocol(in).state() != ProtocolDetectionState.DETECTED) {
            return; // a prefix of a header so far
        }
        ctx.pipeline()
                .addAfter(ctx.name(), DECODER, new HAProxyMessageDecoder())
                .addAfter(DECODER, MESSAGE, new ProxyMessageHandler(peer));
        ctx.pipeline().remove(this); // hands the bytes read so far to the decoder
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // Closed while waiting for the header: nothing to tell the later stages.
    }

    /** Whether the bytes so far agree with the start of a v1 or v2 header. */
    private static boolean couldBeHeader(ByteBuf in) {
        return startsWith(in, V1_PREFIX) || startsWith(in, V2_PREFIX);
    }

    private static boolean startsWith(ByteBuf in, byte[] prefix) {
        int n = Math.min(in.readableBytes(), prefix.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void settleAtPeer(ChannelHandlerContext ctx, InetSocketAddress peer) {
        ClientAddress.set(ctx.channel(), peer);
        ctx.fireChannelActive();
        ctx.pipeline().remove(this); // hands the bytes read so far on, after the stages heard "active"
    }

    private void expire(ChannelHandlerContext ctx, InetSocketAddress peer) {
        if (!ctx.channel().isActive() || ClientAddress.isSettled(ctx.channel())) {
            return;
        }
        if (!received) {
            log.debug(
                    "{}: trusted proxy sent nothing within {} ms; taken at its own address",
                    ClientAddress.text(peer.getAddress()),
                    HEADER_WAIT.toMillis());
            settleAtPeer(ctx, peer);
            return;
        }
        log.info(
                "{}: PROXY header not complete within {} ms; closing",
                ClientAddress.text(peer.getAddress()),
                HEADER_WAIT.toMillis());
        ctx.channel().close();
    }
}
