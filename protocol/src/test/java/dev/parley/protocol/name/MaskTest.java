package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void aLiteralStarInTheTextDoesNotUseUpTheMasksWildcard() {
        assertThat(Mask.of("*b", CaseMapping.ASCII).matches("*ab")).isTrue();
        assertThat(Mask.of("*", CaseMapping.ASCII).matches("*a")).isTrue();
    }

    @Test
    void matchingFoldsCaseWithTheMapping() {
        assertThat(Mask.of("Bob[*]!*@*", CaseMapping.RFC1459).matches("bob{x}!u@h"))
                .isTrue();
        assertThat(Mask.of("Bob[*]!*@*", CaseMapping.ASCII).matches("bob{x}!u@h"))
                .isFalse();
    }

    @Test
    void normalizeCompletesWhatAUserTyped() {
        assertThat(Mask.normalize("bob")).isEqualTo("bob!*@*");
        assertThat(Mask.normalize("*@host")).isEqualTo("*!*@host");
        assertThat(Mask.normalize("bob!user")).isEqualTo("bob!user@*");
        assertThat(Mask.normalize("bob!user@host")).isEqualTo("bob!user@host");
    }
}
