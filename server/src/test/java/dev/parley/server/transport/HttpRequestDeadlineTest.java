package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole-request deadline against a slow sender, on the embedded event loop's frozen clock. */
class HttpRequestDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpRequestDeadline deadline = new HttpRequestDeadline(TIMEOUT);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    HttpRequestDeadlineTest() {
        channel.freezeTime();
        channel.pipeline()
                .addLast(deadline)
                .addLast(new HttpServerCodec())
                .addLast(new HttpObjectAggregator(16 * 1024))
                .addLast(deadline.arrived());
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aRequestTrickledSlowerThanTheDeadlineIsAnswered408AndClosedAfterTheLinger() {
        write("GET / HTTP/1.1\r\n");
        for (int second = 0; second < 9; second++) {
            pass(Duration.ofSeconds(1));
            write("X-Slow: " + second + "\r\n");
        }
        assertThat((Object) channel.readOutbound())
                .as("bytes keep coming, but the deadline is whole-request")
                .isNull();

        pass(Duration.ofSeconds(1));

        assertThat(outbound())
                .startsWith("HTTP/1.1 408 Request Timeout\r\n")
                .contains("X-Frame-Options: DENY", "Connection: close");
        write("Host: late\r\n\r\n");
        assertThat((Object) channel.readInbound())
                .as("what comes after the answer is dropped")
                .isNull();
        assertThat(channel.isOpen())
                .as("open while the client reads the answer")
                .isTrue();
        pass(FrameViolationHandler.LINGER);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aWholeRequestInTimeStopsTheClock() {
        write("GET / HTTP/1.1\r\nHost: a\r\n");
        pass(TIMEOUT.minusMillis(1));
        write("\r\n");

        FullHttpRequest request = channel.readInbound();
        assertThat(request.uri()).isEqualTo("/");
        request.release();
        pass(TIMEOUT.multipliedBy(10));
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aSilentKeepAliveConnectionIsNotTheDeadlinesBusinessButTheNextRequestStartsItAgain() {
        write("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
        ((FullHttpRequest) channel.readInbound()).release();
        pass(TIMEOUT.multipliedBy(10));
        assertThat(channel.isOpen()).isTrue();

        write("GET /b HTTP/1.1\r\n");
        pass(TIMEOUT);

        assertThat(outbound()).startsWith("HTTP/1.1 408");
    }

    private void write(String text) {
        channel.writeInbound(channel.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private void pass(Duration time) {
        channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    private String outbound() {
        ByteBuf bytes = channel.readOutbound();
        try {
            return bytes.toString(StandardCharsets.US_ASCII);
        } finally {
            bytes.release();
        }
    }
}
