package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.InboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames to lines and lines to frames, without a socket. */
class WebSocketLinesTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketLines(false));

    @Test
    void oneFrameIsOneLineAndATrailingCrLfIsTolerated() {
        channel.writeInbound(new TextWebSocketFrame("PING :one"), new TextWebSocketFrame("PING :two\r\n"));

        assertThat(inboundParams()).containsExactly("one", "two");
    }

    @Test
    void severalLinesInOneFrameAreSplit() {
        channel.writeInbound(new TextWebSocketFrame("PING :a\r\nPING :b\nPING :c"));

        assertThat(inboundParams()).containsExactly("a", "b", "c");
    }

    @Test
    void aFragmentedMessageIsJoinedBeforeItIsRead() {
        channel.writeInbound(
                new TextWebSocketFrame(false, 0, "PRIVMSG #general :frag"),
                new ContinuationWebSocketFrame(false, 0, "men"),
                new ContinuationWebSocketFrame(true, 0, "ted"),
                new TextWebSocketFrame("PING :after"));

        assertThat(inboundParams()).containsExactly("fragmented", "after");
    }

    @Test
    void aFragmentedMessageLongerThanALineIsReportedOnceAndTheNextOneIsRead() {
        String chunk = "x".repeat(4000);
        channel.writeInbound(new TextWebSocketFrame(false, 0, "PRIVMSG #general :" + chunk));
        channel.writeInbound(new ContinuationWebSocketFrame(false, 0, chunk));
        channel.writeInbound(new ContinuationWebSocketFrame(false, 0, chunk));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, chunk));
        channel.writeInbound(new TextWebSocketFrame("PING :still here"));

        List<InboundLine> lines = inbound();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isInstanceOf(InboundLine.TooLong.class);
        assertThat(((InboundLine.Message) lines.get(1)).message().lastParam()).isEqualTo("still here");
    }

    @Test
    void eachOutgoingLineIsOneTextFrameWithoutItsLineEnd() {
        channel.writeOutbound(line(":parley PONG parley :x\r\n"));

        WebSocketFrame frame = channel.readOutbound();
        assertThat(frame).isInstanceOf(TextWebSocketFrame.class);
        assertThat(frame.content().toString(StandardCharsets.UTF_8)).isEqualTo(":parley PONG parley :x");
        frame.release();
    }

    @Test
    void aBufferOfSeveralLinesBecomesOneFramePerLine() {
        ByteBuf lines = line(":a PRIVMSG #r :one\r\n:b PRIVMSG #r :two\r\n:c PRIVMSG #r :three\r\n");
        channel.writeOutbound(lines);

        List<String> frames = new ArrayList<>();
        for (WebSocketFrame frame = channel.readOutbound(); frame != null; frame = channel.readOutbound()) {
            frames.add(frame.content().toString(StandardCharsets.UTF_8));
            frame.release();
        }
        assertThat(frames).containsExactly(":a PRIVMSG #r :one", ":b PRIVMSG #r :two", ":c PRIVMSG #r :three");
        assertThat(lines.refCnt()).isZero();
    }

    @Test
    void theBinarySubprotocolGetsBinaryFrames() {
        EmbeddedChannel binary = new EmbeddedChannel(new WebSocketLines(true));
        binary.writeOutbound(line(":parley PONG parley :x\r\n"));

        WebSocketFrame frame = binary.readOutbound();
        assertThat(frame).isInstanceOf(BinaryWebSocketFrame.class);
        assertThat(frame.content().toString(StandardCharsets.UTF_8)).isEqualTo(":parley PONG parley :x");
        frame.release();
        binary.finishAndReleaseAll();
    }

    private static ByteBuf line(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private List<InboundLine> inbound() {
        List<InboundLine> lines = new ArrayList<>();
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            lines.add((InboundLine) read);
        }
        return lines;
    }

    private List<String> inboundParams() {
        return inbound().stream()
                .map(line -> ((InboundLine.Message) line).message().lastParam())
                .toList();
    }
}
