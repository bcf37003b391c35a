package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.AddressRange;
import dev.parley.server.config.ProxyConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PROXY header stage, bytes in, the address and bytes the later stages see out; no socket. */
class ProxyHeaderHandlerTest {

    private static final String PROXY = "10.0.0.5";
    private static final ProxyConfig TRUSTED = new ProxyConfig(List.of(AddressRange.parse("10.0.0.0/24")));
    private static final String IRC = "NICK alice\r\n";

    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final Later later = new Later();

    @AfterEach
    void finish() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    @Test
    void v1HeaderFromATrustedProxyNamesTheClient() {
        EmbeddedChannel channel = connectFrom(PROXY);
        assertThat(later.activeAs).as("not active before the header").isNull();
        write(channel, concat(ProxyHeaders.v1("192.0.2.7", 40_000, "10.0.0.1", 6667), bytes(IRC)));
        assertThat(later.activeAs).isEqualTo(new InetSocketAddress("192.0.2.7", 40_000));
        assertThat(later.read()).as("the bytes after the header, unchanged").isEqualTo(IRC);
        assertThat(channel.pipeline().names())
                .doesNotContain(ProxyHeaderHandler.NAME, "proxy-decoder", "proxy-message");
    }

    @Test
    void v2HeaderOverIpv4NamesTheClient() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, concat(ProxyHeaders.v2("198.51.100.20", 51_000, "10.0.0.1", 6667), bytes(IRC)));
        assertThat(later.activeAs).isEqualTo(new InetSocketAddress("198.51.100.20", 51_000));
        assertThat(later.read()).isEqualTo(IRC);
        assertThat(ClientAddress.ip(channel)).isEqualTo("198.51.100.20");
    }

    @Test
    void v2HeaderOverIpv6NamesTheClient() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, concat(ProxyHeaders.v2("2001:db8::7", 51_000, "2001:db8::1", 6667), bytes(IRC)));
        assertThat(ClientAddress.ip(channel)).isEqualTo("2001:db8::7");
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void v2LocalCommandKeepsTheProxysOwnAddress() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, ProxyHeaders.v2Local());
        assertThat(later.activeAs).isEqualTo(new InetSocketAddress(PROXY, 50_000));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void v1UnknownKeepsTheProxysOwnAddress() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("PROXY UNKNOWN\r\n" + IRC));
        assertThat(later.activeAs).isEqualTo(new InetSocketAddress(PROXY, 50_000));
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void headerSplitAcrossReadsIsPutTogether() {
        EmbeddedChannel channel = connectFrom(PROXY);
        byte[] header = ProxyHeaders.v2("2001:db8::7", 51_000, "2001:db8::1", 6667);
        byte[] whole = concat(header, bytes(IRC));
        int at = 0;
        for (; at + 5 < header.length; at += 5) {
            write(channel, Arrays.copyOfRange(whole, at, at + 5));
            assertThat(later.activeAs)
                    .as("not active before the whole header (%d bytes)", at + 5)
                    .isNull();
        }
        write(channel, Arrays.copyOfRange(whole, at, whole.length));
        assertThat(ClientAddress.ip(channel)).isEqualTo("2001:db8::7");
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void v1HeaderSplitAcrossReadsIsPutTogether() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("PRO"));
        write(channel, bytes("XY TCP4 192.0.2.7 10.0"));
        assertThat(later.activeAs).isNull();
        write(channel, bytes(".0.1 40000 6667\r\nNICK"));
        write(channel, bytes(" alice\r\n"));
        assertThat(ClientAddress.ip(channel)).isEqualTo("192.0.2.7");
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void malformedHeaderClosesTheConnection() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("PROXY TCP4 192.0.2.999 10.0.0.1 40000 6667\r\n" + IRC));
        assertThat(channel.isOpen()).isFalse();
        assertThat(later.activeAs).as("the later stages never heard of it").isNull();
        assertThat(later.read()).isEmpty();
    }

    @Test
    void v1HeaderWithoutEndClosesTheConnectionPastItsMaximumLength() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("PROXY TCP4 " + "1".repeat(200)));
        assertThat(channel.isOpen()).isFalse();
        assertThat(later.activeAs).isNull();
    }

    @Test
    void untrustedPeersHeaderIsOrdinaryInput() {
        EmbeddedChannel channel = connectFrom("192.0.2.66");
        assertThat(later.activeAs).as("active at once").isEqualTo(new InetSocketAddress("192.0.2.66", 50_000));
        String header = "PROXY TCP4 192.0.2.7 10.0.0.1 40000 6667\r\n";
        write(channel, bytes(header + IRC));
        assertThat(ClientAddress.ip(channel)).isEqualTo("192.0.2.66");
        assertThat(later.read()).isEqualTo(header + IRC);
    }

    @Test
    void trustedPeerWithoutHeaderIsTakenAtItsOwnAddress() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("NI"));
        assertThat(later.activeAs)
                .as("two bytes that cannot start a header are enough")
                .isEqualTo(new InetSocketAddress(PROXY, 50_000));
        write(channel, bytes("CK alice\r\n"));
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void trustedPeerSilentPastTheWaitIsTakenAtItsOwnAddress() {
        EmbeddedChannel channel = connectFrom(PROXY);
        channel.advanceTimeBy(ProxyHeaderHandler.HEADER_WAIT.toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(later.activeAs).isNull();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(later.activeAs).isEqualTo(new InetSocketAddress(PROXY, 50_000));
        write(channel, bytes(IRC));
        assertThat(later.read()).isEqualTo(IRC);
    }

    @Test
    void headerUnfinishedPastTheWaitClosesTheConnection() {
        EmbeddedChannel channel = connectFrom(PROXY);
        write(channel, bytes("PROXY TCP4 192.0.2.7"));
        channel.advanceTimeBy(ProxyHeaderHandler.HEADER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(later.activeAs).isNull();
    }

    @Test
    void ipv4ClientOfAnIpv6SocketMatchesAnIpv4Range() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5};
        EmbeddedChannel channel =
                connectFrom(new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 50_000));
        write(channel, ProxyHeaders.v1("192.0.2.7", 40_000, "10.0.0.1", 6667));
        assertThat(ClientAddress.ip(channel)).isEqualTo("192.0.2.7");
    }

    private EmbeddedChannel connectFrom(String ip) {
        return connectFrom(new InetSocketAddress(ip, 50_000));
    }

    private EmbeddedChannel connectFrom(InetSocketAddress peer) {
        EmbeddedChannel channel = new RemoteChannel(peer);
        channel.freezeTime();
        channel.pipeline()
                .addLast(ProxyHeaderHandler.NAME, new ProxyHeaderHandler(TRUSTED))
                .addLast(later);
        channel.pipeline().fireChannelActive();
        channels.add(channel);
        return channel;
    }

    private static void write(EmbeddedChannel channel, byte[] bytes) {
        channel.writeInbound(channel.alloc().buffer().writeBytes(bytes));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** Stands for the later stages: when it heard "active", at which address, and the bytes it got. */
    private static final class Later extends ChannelInboundHandlerAdapter {
        InetSocketAddress activeAs;
        private final StringBuilder received = new StringBuilder();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            activeAs = ClientAddress.of(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            received.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            throw new AssertionError("no exception should pass the PROXY stages", cause);
        }

        String read() {
            return received.toString();
        }
    }

    private static final class RemoteChannel extends EmbeddedChannel {
        private final InetSocketAddress peer;

        RemoteChannel(InetSocketAddress peer) {
            this.peer = peer;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return peer;
        }
    }
}
