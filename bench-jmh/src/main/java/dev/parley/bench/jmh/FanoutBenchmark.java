package dev.parley.bench.jmh;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MessageSink;
import dev.parley.server.chat.Metadata;
import dev.parley.server.chat.MsgIds;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.UserSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fan-out path: one room message handed to N members, half of them with IRCv3 tags, through
 * {@link Delivery#send} (serialize once per capability variant, one flush per member). The members
 * only count what they are given, so this measures the server's own work per delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBenchmark {

    @Param({"10", "100", "1000"})
    public int members;

    private final List<ChatUser> recipients = new ArrayList<>();
    private final Delivery delivery = new Delivery(
            Clock.systemUTC(), new MsgIds(), MessageSink.NONE, false, false, CaseMapping.RFC1459, ChatMetrics.NONE);
    private IrcMessage message;

    @Setup
    public void setUp(Blackhole blackhole) {
        for (int i = 0; i < members; i++) {
            CapabilitySet caps = i % 2 == 0
                    ? CapabilitySet.of(List.of(Capability.MESSAGE_TAGS, Capability.SERVER_TIME))
                    : CapabilitySet.NONE;
            recipients.add(new CountingMember("m" + i, caps, blackhole));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", "2026-11-24T04:00:00.000Z");
        tags.put("msgid", "lsvyirj562l0mwu5zxj6-b");
        message = new IrcMessage(
                tags, "alice!a@host.example", "PRIVMSG", List.of("#general", "hello everyone, how is it going today?"));
    }

    private static final Metadata NO_METADATA = new Metadata();

    @Benchmark
    public void sendToRoom() {
        delivery.send(message, recipients);
    }

    /** A member that takes lines and flushes without a socket. */
    private record CountingMember(String nick, CapabilitySet caps, Blackhole sink, UserSnapshot snapshot)
            implements ChatUser {
        CountingMember(String nick, CapabilitySet caps, Blackhole sink) {
            this(
                    nick,
                    caps,
                    sink,
                    UserSnapshot.connecting("h")
                            .withNick(nick)
                            .withUser("u")
                            .withRealname(nick)
                            .withCaps(caps)
                            .registeredAt(0));
        }

        @Override
        public String guestIdentity() {
            return "!" + nick;
        }

        @Override
        public Metadata metadata() {
            return NO_METADATA;
        }

        @Override
        public void send(OutboundLine line) {
            sink.consume(line.bytes());
        }

        @Override
        public void flush() {
            sink.consume(nick);
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }
    }
}
