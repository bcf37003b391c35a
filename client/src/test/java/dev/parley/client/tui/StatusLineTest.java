package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private final List<Windows.Entry> windows = List.of(
            new Windows.Entry(1, "status", null, 0, false, false, 0),
            new Windows.Entry(2, "general", "#general", 0, false, true, 0),
            new Windows.Entry(3, "dev", "#dev", 2, false, false, 0),
            new Windows.Entry(4, "bob", "bob", 1, true, false, 0));

    @Test
    void namesUsTheWindowOnScreenAndTheOnesWithNewMessages() {
        assertThat(StatusLine.of("alice", windows)).isEqualTo("[alice] [2:general] [Act: 3:dev(2) 4:bob(1!)]");
    }

    @Test
    void theWindowListSaysWhatIsNewInWords() {
        assertThat(StatusLine.list(windows))
                .isEqualTo("Windows: 1:status, 2:general (current), 3:dev (2 new), 4:bob (1 new, mentions you)");
    }

    @Test
    void thePromptNamesWherePlainTextGoes() {
        assertThat(StatusLine.inputPrompt("#general")).isEqualTo("[general] > ");
        assertThat(StatusLine.inputPrompt("bob")).isEqualTo("[DM bob] > ");
        assertThat(StatusLine.inputPrompt(null)).isEqualTo("> ");
    }

    @Test
    void aWindowPagedUpSaysHowManyLinesAreBelow() {
        List<Windows.Entry> paged = List.of(new Windows.Entry(2, "general", "#general", 0, false, true, 12));
        assertThat(StatusLine.of("alice", paged)).isEqualTo("[alice] [2:general] [more: 12]");
    }
}
