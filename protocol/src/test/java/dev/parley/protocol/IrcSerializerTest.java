package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serializer refuses messages it cannot write as the one line that parses back to them. */
class IrcSerializerTest {

    @Test
    void aParameterHoldingCrLfIsRefusedSoNoSecondLineCanBeInjected() {
        IrcMessage message = IrcMessage.of("PRIVMSG", "#a", "hi\r\nQUIT :bye");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> IrcSerializer.serialize(message))
                .withMessageContaining("parameter 1");
    }

    @Test
    void anEmptyMiddleParameterIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> IrcSerializer.serialize(IrcMessage.of("MODE", "", "+i")));
    }

    @Test
    void aMiddleParameterWithASpaceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IrcSerializer.serialize(IrcMessage.of("KICK", "#a b", "x")));
    }

    @Test
    void aMiddleParameterStartingWithAColonIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IrcSerializer.serialize(IrcMessage.of("KICK", ":a", "x")));
    }

    @Test
    void aSourceWithASpaceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IrcSerializer.serialize(IrcMessage.from("a b", "PING", "x")));
    }

    @Test
    void aTagKeyWithAnEqualsSignIsRefused() {
        IrcMessage message = new IrcMessage(Map.of("a=b", "c"), null, "PING", List.of("x"));

        assertThatIllegalArgumentException().isThrownBy(() -> IrcSerializer.serialize(message));
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> IrcSerializer.serialize(IrcMessage.of("")));
    }

    @Test
    void toStringOfAnUnwritableMessageDoesNotThrow() {
        assertThat(IrcMessage.of("MODE", "", "+i")).hasToString("MODE  +i");
    }

    @Test
    void anEmptySourceIsLeftOut() {
        assertThat(IrcSerializer.serialize(IrcMessage.from("", "PING", "x"))).isEqualTo("PING x");
    }

    @Test
    void serializeTagsGivesTheTagSectionWithoutItsTrailingSpace() {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("a", "b c");
        tags.put("+k", "");

        assertThat(IrcSerializer.serializeTags(tags)).isEqualTo("@a=b\\sc;+k");
        assertThat(IrcSerializer.serializeTags(Map.of())).isEmpty();
    }

    @Test
    void encodeLineKeepsOnlyTheTagsAskedForAndEndsInCrLf() {
        IrcMessage message = new IrcMessage(
                Tags.builder()
                        .put("time", "t")
                        .put("msgid", "m")
                        .put("+x", "a b")
                        .build(),
                "n!u@h",
                "PRIVMSG",
                List.of("#a", "héllo wörld"));

        assertThat(new String(IrcSerializer.encodeLine(message, key -> !key.equals("msgid")), StandardCharsets.UTF_8))
                .isEqualTo("@time=t;+x=a\\sb :n!u@h PRIVMSG #a :héllo wörld\r\n");
        assertThat(new String(IrcSerializer.encodeLine(message, key -> false), StandardCharsets.UTF_8))
                .isEqualTo(":n!u@h PRIVMSG #a :héllo wörld\r\n");
        assertThat(new String(IrcSerializer.encodeLine(message, key -> key.equals("+x")), StandardCharsets.UTF_8))
                .isEqualTo("@+x=a\\sb :n!u@h PRIVMSG #a :héllo wörld\r\n");
    }

    @Test
    void encodeLineChecksEvenTheTagsItLeavesOut() {
        IrcMessage message = IrcMessage.of("PING", "x").withTag("bad key", "v");

        assertThatIllegalArgumentException().isThrownBy(() -> IrcSerializer.encodeLine(message, key -> false));
    }
}
