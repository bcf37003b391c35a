package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.core.Backoff;
import dev.parley.client.core.ConnectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatSessionTest {

    @Test
    void textThatCannotBeSentIsShownBackSinceTheInputLineIsErased() {
        List<DisplayLine> shown = new ArrayList<>();
        ConnectionSettings nowhere = new ConnectionSettings(
                "127.0.0.1", 1, "alice", "chat@123", false, Backoff.standard(), Duration.ofSeconds(1));
        ChatSession chat = new ChatSession(nowhere, shown::add, new MessageFormatter(false));

        chat.say("#general", "words worth keeping", false);

        assertThat(shown)
                .extracting(DisplayLine::text)
                .containsExactly("Not connected — not sent: words worth keeping");
        chat.client().close();
    }

    @Test
    void aRoomNameWithSpacesIsRefusedSayingWhyAndNothingIsSent() {
        List<DisplayLine> shown = new ArrayList<>();
        ConnectionSettings nowhere = new ConnectionSettings(
                "127.0.0.1", 1, "alice", "chat@123", false, Backoff.standard(), Duration.ofSeconds(1));
        ChatSession chat = new ChatSession(nowhere, shown::add, new MessageFormatter(false));

        chat.handleInput("/join two words");

        assertThat(shown)
                .extracting(DisplayLine::text)
                .containsExactly("Room names have no spaces: /join two words was not sent. Usage: /join room");
        chat.client().close();
    }

    @Test
    void theStatusLineNamesUsAlsoWhileTheConnectionIsDown() {
        Display windowed = new Display() {
            @Override
            public void show(DisplayLine line) {}

            @Override
            public boolean windowed() {
                return true;
            }
        };
        ConnectionSettings nowhere = new ConnectionSettings(
                "127.0.0.1", 1, "alice", "chat@123", false, Backoff.standard(), Duration.ofSeconds(1));
        ChatSession chat = new ChatSession(nowhere, windowed, new MessageFormatter(false));

        assertThat(chat.prompt()).isEqualTo("[alice] [1:status]\n> ");
        chat.client().close();
    }
}
