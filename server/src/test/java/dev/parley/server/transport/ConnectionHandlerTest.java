package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.auth.ConnectionCounts;
import dev.parley.server.config.AddressRange;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.config.ProxyConfig;
import dev.parley.server.session.Departures;
import dev.parley.server.session.InboundLine;
import dev.parley.server.session.KeepAlive;
import dev.parley.server.session.LineProcessor;
import dev.parley.server.session.MinimalDepartures;
import dev.parley.server.session.Session;
import dev.parley.server.session.Sessions;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge from a channel to a session, bytes in and bytes out, without a socket. */
class ConnectionHandlerTest {

    private static final String CLIENT_IP = "192.0.2.1";
    private static final Duration REGISTRATION = Duration.ofSeconds(60);

    private final List<String> handled = new ArrayList<>();
    private final Sessions sessions = new Sessions();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConnectionLimiter limiter =
            new ConnectionLimiter(new ConnectionLimitsConfig(true, 1, 100, Duration.ofMinutes(1), false), () -> 0);
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    /** A cluster's counts, answered by the test (a single node's by default). */
    private ConnectionCounts everywhere = ConnectionCounts.LOCAL;

    @AfterEach
    void finish() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        assertThat(errors).as("no pipeline error").hasValue(0);
    }

    @Test
    void bytesBecomeLinesForTheSessionInOrderAndItsRepliesGoOutAsBytes() {
        EmbeddedChannel channel = connect();

        write(channel, "PING :one\r\nPING :tw");
        write(channel, "o\r\n");

        assertThat(handled).containsExactly("one", "two");
        assertThat(outbound(channel)).isEqualTo(":irc.test PONG irc.test one\r\n:irc.test PONG irc.test two\r\n");
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void aClientThatDoesNotRegisterInTimeGetsAnErrorLineAndIsClosed() {
        EmbeddedChannel channel = connect();

        channel.advanceTimeBy(REGISTRATION.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();

        assertThat(outbound(channel)).isEqualTo("ERROR :Closing Link: " + CLIENT_IP + " (Registration timed out)\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(sessions.count()).as("the session is gone with its channel").isZero();
    }

    @Test
    void anAddressOverItsLimitIsRefusedWithAnErrorLineAndNeverGetsASession() {
        EmbeddedChannel first = connect();
        EmbeddedChannel second = connect();

        assertThat(outbound(second))
                .isEqualTo("ERROR :Closing Link: " + CLIENT_IP + " (Too many connections from your IP)\r\n");
        assertThat(second.isOpen()).isFalse();
        assertThat(sessions.count()).isEqualTo(1);

        first.close();
        assertThat(sessions.count()).isZero();
        assertThat(connect().isOpen()).as("the address's slot was freed").isTrue();
    }

    @Test
    void behindATrustedProxyTheLimitCountsTheAddressItsHeaderNamesOnceTheHeaderIsRead() {
        ProxyConfig trusted = new ProxyConfig(List.of(AddressRange.parse(CLIENT_IP)));
        EmbeddedChannel first = connect(trusted);
        EmbeddedChannel second = connect(trusted);
        assertThat(sessions.count())
                .as("no session, nothing counted, before the header")
                .isZero();

        first.writeInbound(first.alloc().buffer().writeBytes(ProxyHeaders.v1("198.51.100.1", 1, "192.0.2.9", 6667)));
        second.writeInbound(second.alloc().buffer().writeBytes(ProxyHeaders.v2("198.51.100.2", 1, "192.0.2.9", 6667)));
        EmbeddedChannel third = connect(trusted);
        third.writeInbound(third.alloc().buffer().writeBytes(ProxyHeaders.v1("198.51.100.1", 2, "192.0.2.9", 6667)));

        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen())
                .as("the proxy's own address is not what is counted")
                .isTrue();
        assertThat(outbound(third))
                .isEqualTo("ERROR :Closing Link: 198.51.100.1 (Too many connections from your IP)\r\n");
        assertThat(third.isOpen()).isFalse();
        assertThat(sessions.count()).isEqualTo(2);
    }

    @Test
    void aConnectionTheClusterFindsOverTheLimitIsRefusedWhenTheAnswerComes() {
        HeldCounts cluster = new HeldCounts();
        everywhere = cluster;
        EmbeddedChannel channel = connect();
        assertThat(channel.isOpen()).as("let in by this node's own limit").isTrue();

        cluster.answer.complete(ConnectionCounts.Verdict.TOO_MANY);
        channel.runPendingTasks();

        assertThat(outbound(channel))
                .isEqualTo("ERROR :Closing Link: " + CLIENT_IP + " (Too many connections from your IP)\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(cluster.closed).as("refused, so never counted").isEmpty();
        everywhere = ConnectionCounts.LOCAL;
        assertThat(connect().isOpen()).as("this node's slot was freed").isTrue();
    }

    @Test
    void aConnectionTheClusterCountedIsUncountedOnceWhenItCloses() {
        HeldCounts cluster = new HeldCounts();
        everywhere = cluster;
        EmbeddedChannel channel = connect();

        cluster.answer.complete(ConnectionCounts.Verdict.COUNTED);
        channel.runPendingTasks();
        channel.close();

        assertThat(cluster.closed).containsExactly(CLIENT_IP);
    }

    @Test
    void aClusterCountArrivingAfterTheCloseIsUndoneAtOnce() {
        HeldCounts cluster = new HeldCounts();
        everywhere = cluster;
        EmbeddedChannel channel = connect();
        channel.close();

        cluster.answer.complete(ConnectionCounts.Verdict.COUNTED);
        channel.runPendingTasks();

        assertThat(cluster.closed).containsExactly(CLIENT_IP);
    }

    /** Cluster-wide counts whose answer the test gives; notes what was uncounted. */
    private static final class HeldCounts implements ConnectionCounts {
        final CompletableFuture<Verdict> answer = new CompletableFuture<>();
        final List<String> closed = new ArrayList<>();

        @Override
        public CompletionStage<Verdict> opened(
                String ip, int maxPerIp, int throttleConnections, Duration throttleWindow) {
            return answer;
        }

        @Override
        public void closed(String ip) {
            closed.add(ip);
        }
    }

    private EmbeddedChannel connect() {
        return connect(ProxyConfig.defaults());
    }

    private EmbeddedChannel connect(ProxyConfig proxies) {
        LimitsConfig d = LimitsConfig.defaults();
        LimitsConfig limits = new LimitsConfig(
                d.nickLength(),
                d.roomNameLength(),
                d.topicLength(),
                d.awayLength(),
                d.kickReasonLength(),
                d.realnameLength(),
                d.maxRoomsPerClient(),
                d.maxListEntries(),
                d.sendQueueBytes(),
                REGISTRATION,
                Duration.ZERO,
                Duration.ZERO,
                d.flood(),
                d.connections(),
                d.multiline());
        Departures departures = MinimalDepartures.create();
        KeepAlive keepAlive = new KeepAlive(limits, MinimalDepartures.SERVER_NAME, departures, System::nanoTime);
        ConnectionHandler.TransportWiring wiring = new ConnectionHandler.TransportWiring(
                new Pong(),
                departures,
                keepAlive,
                sessions,
                limiter,
                everywhere,
                d.sendQueueBytes(),
                errors::incrementAndGet,
                () -> {});
        EmbeddedChannel channel = new RemoteChannel();
        channel.freezeTime();
        channel.pipeline()
                .addLast(new ProxyHeaderHandler(proxies), new IrcLineDecoder(), new ConnectionHandler(wiring));
        channel.pipeline().fireChannelActive();
        channels.add(channel);
        return channel;
    }

    private static void write(EmbeddedChannel channel, String text) {
        channel.writeInbound(channel.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String outbound(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf bytes = channel.readOutbound(); bytes != null; bytes = channel.readOutbound()) {
            text.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
        return text.toString();
    }

    /** Notes each PING's token and answers it, as the dispatcher would. */
    private final class Pong implements LineProcessor {
        @Override
        public double floodCost(Session session, InboundLine line) {
            return 0;
        }

        @Override
        public void process(Session session, InboundLine line) {
            String token = ((InboundLine.Message) line).message().params().get(0);
            handled.add(token);
            session.sendNow(new IrcMessage(
                    Map.of(), MinimalDepartures.SERVER_NAME, "PONG", List.of(MinimalDepartures.SERVER_NAME, token)));
        }
    }

    /** An embedded channel that says it is connected from an IP address, as a socket would. */
    private static final class RemoteChannel extends EmbeddedChannel {
        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress(CLIENT_IP, 50_000);
        }
    }
}
