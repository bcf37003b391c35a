package dev.parley.bench.jmh;

import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
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

/** Parsing the lines a server reads most: a plain PRIVMSG and one with IRCv3 tags. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {

    private final String plain = "PRIVMSG #general :hello everyone, how is it going today?";
    private final String tagged = "@label=abc123;+draft/reply=msg42;+typing=active :alice!a@host.example "
            + "PRIVMSG #general :hello everyone, how is it going today?";

    @Benchmark
    public ParseResult plainPrivmsg() {
        return IrcParser.parse(plain);
    }

    @Benchmark
    public ParseResult taggedPrivmsg() {
        return IrcParser.parse(tagged);
    }
}
