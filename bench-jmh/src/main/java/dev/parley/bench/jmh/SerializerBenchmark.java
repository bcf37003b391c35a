package dev.parley.bench.jmh;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Serializing a delivered PRIVMSG, without and with the server's tags (time, msgid, account). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializerBenchmark {

    private final IrcMessage plain = new IrcMessage(
            Map.of(), "alice!a@host.example", "PRIVMSG", List.of("#general", "hello everyone, how is it going today?"));
    private final IrcMessage tagged;

    public SerializerBenchmark() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", "2026-11-24T04:00:00.000Z");
        tags.put("msgid", "lsvyirj562l0mwu5zxj6-b");
        tags.put("account", "alice");
        tagged = plain.withTags(tags);
    }

    @Benchmark
    public String plainPrivmsg() {
        return IrcSerializer.serialize(plain);
    }

    @Benchmark
    public String taggedPrivmsg() {
        return IrcSerializer.serialize(tagged);
    }
}
