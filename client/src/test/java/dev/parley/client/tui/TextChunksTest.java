package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {

    @Test
    void shortTextIsOneChunk() {
        assertThat(TextChunks.split("hello", 10)).containsExactly("hello");
    }

    @Test
    void longTextBreaksAtSpaces() {
        assertThat(TextChunks.split("aaaa bbbb cccc", 9)).containsExactly("aaaa bbbb", "cccc");
    }

    @Test
    void emojiAreNeverCutInHalf() {
        String text = "👋".repeat(10);
        List<String> chunks = TextChunks.split(text, 9);
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks)
                .allSatisfy(c ->
                        assertThat(c.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(9));
        assertThat(chunks.get(0)).isEqualTo("👋👋");
    }
}
