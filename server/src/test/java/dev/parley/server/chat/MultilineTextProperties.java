package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A multi-line message stored as its combined text and continuation offsets comes back as sent. */
class MultilineTextProperties {

    @Property(tries = 3000)
    void storingKeepsEveryLineAndEveryContinuation(@ForAll("messages") MultilineText sent) {
        String offsets = sent.concatOffsets();
        Map<String, String> tags = offsets.isEmpty() ? Map.of() : Map.of(MultilineText.STORED_CONCAT_TAG, offsets);

        MultilineText back = MultilineText.fromStored(sent.combined(), tags);

        if (sent.lines().size() == 1) {
            assertThat(back).isNull(); // one plain line is an ordinary message
        } else {
            assertThat(back).isEqualTo(sent);
        }
    }

    @Test
    void theSpecsExampleCombinesIntoTwoLines() {
        MultilineText text = MultilineText.of(List.of(
                new MultilineText.Line("hello", false),
                new MultilineText.Line("how is ", false),
                new MultilineText.Line("everyone?", true)));

        assertThat(text.combined()).isEqualTo("hello\nhow is everyone?");
        assertThat(text.concatOffsets()).isEqualTo("13");
    }

    @Test
    void aDamagedOffsetTagCountsAsNone() {
        assertThat(MultilineText.fromStored("a\nb", Map.of(MultilineText.STORED_CONCAT_TAG, "x,9999")))
                .isEqualTo(MultilineText.of(
                        List.of(new MultilineText.Line("a", false), new MultilineText.Line("b", false))));
    }

    /** Messages as a client may send them: continuation lines are never blank, the first never one. */
    @Provide
    Arbitrary<MultilineText> messages() {
        Arbitrary<String> text =
                Arbitraries.strings().withChars("ab \u00e9\u4e2d\ud83d\ude00").ofMaxLength(6);
        Arbitrary<MultilineText.Line> line = Combinators.combine(text, Arbitraries.of(true, false))
                .as((t, concat) -> new MultilineText.Line(t, concat && !t.isEmpty()));
        return line.list().ofMinSize(1).ofMaxSize(8).map(lines -> {
            List<MultilineText.Line> fixed = new ArrayList<>(lines);
            fixed.set(0, new MultilineText.Line(lines.get(0).text(), false));
            return MultilineText.of(fixed);
        });
    }
}
