package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Limits;
import dev.parley.server.session.InboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Framing and decoding of IRC lines without a socket. Input comes from the channel's allocator, so
 * the leak check also proves the decoder releases what it reads.
 */
class IrcLineDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new IrcLineDecoder());

    @AfterEach
    void nothingIsLeftOver() {
        assertThat(channel.finishAndReleaseAll()).as("no line left undelivered").isFalse();
    }

    @Test
    void crLfLfAndCrAllEndALineAndEmptyLinesAreIgnored() {
        write("PING :a\r\nPING :b\nPING :c\r\r\n\nPING :d\n");

        assertThat(pingParams()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aLineSplitAcrossReadsIsDeliveredOnceWhole() {
        write("PRIVMSG #general :hel");
        assertThat(lines()).isEmpty();
        write("lo wor");
        write("ld\r");
        write("\nPING :next\r\n");

        assertThat(lines()).containsExactly(message("PRIVMSG", "#general", "hello world"), message("PING", "next"));
    }

    @Test
    void aBodyOf510BytesIsALineAndOneMoreIsTooLongWithItsCommandNamed() {
        String prefix = "PRIVMSG #general :";
        String longest = prefix + "x".repeat(Limits.MAX_LINE_BYTES - 2 - prefix.length());
        write(longest + "\r\n" + longest + "y\r\nPING :after\r\n");

        List<InboundLine> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isInstanceOf(InboundLine.Message.class);
        assertThat(lines.get(1)).isEqualTo(new InboundLine.TooLong("PRIVMSG"));
        assertThat(lines.get(2)).as("the connection lives on").isEqualTo(message("PING", "after"));
    }

    @Test
    void clientTagsHaveTheirOwnLimitBesideTheBody() {
        String tags = "@+x=" + "t".repeat(Limits.MAX_CLIENT_TAG_BYTES - 3);
        write(tags + " PING :fits\r\n" + tags + "t PING :over\r\n");

        List<InboundLine> lines = lines();
        assertThat(lines.get(0)).isInstanceOf(InboundLine.Message.class);
        assertThat(lines.get(1)).isInstanceOf(InboundLine.TooLong.class);
    }

    @Test
    void anEndlessLineIsDiscardedAndReportedOnceThenReadingGoesOn() {
        String chunk = "x".repeat(4096);
        for (int read = 0; read < 10; read++) {
            write(chunk);
        }
        write("still the same line\r\nPING :back\r\n");

        assertThat(lines()).containsExactly(new InboundLine.TooLong(null), message("PING", "back"));
    }

    @Test
    void invalidUtf8IsAValueNamingTheCommand() {
        ByteBuf bytes = channel.alloc().buffer();
        bytes.writeCharSequence("PRIVMSG #general :", StandardCharsets.US_ASCII);
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\r', '\n'});
        channel.writeInbound(bytes);

        assertThat(lines()).containsExactly(new InboundLine.InvalidUtf8("PRIVMSG"));
    }

    @Test
    void validUtf8IsDecoded() {
        write("PRIVMSG #général :ça va ✓\r\n");

        assertThat(lines()).containsExactly(message("PRIVMSG", "#général", "ça va ✓"));
    }

    @Test
    void aNulByteMakesTheLineMalformed() {
        write("PRIVMSG #general :a\0b\r\n");

        assertThat(lines())
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundLine.Malformed.class,
                        malformed -> assertThat(malformed.command()).isEqualTo("PRIVMSG"));
    }

    @Test
    void aVerbThatIsNoCommandWordIsAnUnknownCommandKeepingItsLabel() {
        write("@label=L1 PRIV-MSG x\r\n");

        assertThat(lines()).containsExactly(new InboundLine.UnknownCommand("PRIV-MSG", "L1"));
    }

    private void write(String text) {
        ByteBuf bytes = channel.alloc().buffer();
        bytes.writeCharSequence(text, StandardCharsets.UTF_8);
        channel.writeInbound(bytes);
    }

    private List<InboundLine> lines() {
        List<InboundLine> lines = new ArrayList<>();
        for (Object line = channel.readInbound(); line != null; line = channel.readInbound()) {
            lines.add((InboundLine) line);
        }
        return lines;
    }

    private List<String> pingParams() {
        return lines().stream()
                .map(line -> ((InboundLine.Message) line).message().params().get(0))
                .toList();
    }

    private static InboundLine message(String command, String... params) {
        return new InboundLine.Message(IrcMessage.of(command, params));
    }
}
