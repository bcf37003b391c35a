package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class NickColoursTest {

    @Test
    void aNickHasOneColourWhateverItsCase() {
        assertThat(NickColours.index("Alice")).isEqualTo(NickColours.index("alice"));
        assertThat(NickColours.of("Alice", AttributedStyle.DEFAULT))
                .isEqualTo(NickColours.of("alice", AttributedStyle.DEFAULT));
    }

    @Test
    void differentNicksSpreadOverThePalette() {
        List<String> nicks = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
        assertThat(nicks.stream().map(NickColours::index).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(4);
    }
}
