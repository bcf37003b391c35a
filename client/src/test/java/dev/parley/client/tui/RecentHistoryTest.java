package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientState;
import dev.parley.client.core.MessageKind;
import dev.parley.protocol.IrcMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentHistoryTest {

    private final RecentHistory recent = new RecentHistory();
    private final ClientState offering =
            ClientState.initial().withNick("alice").withIsupport(Map.of("CHATHISTORY", "10"));

    @Test
    void asksForTheLastMessagesWithinTheServersPageSize() {
        assertThat(recent.ask("#general", offering))
                .isEqualTo(IrcMessage.of("CHATHISTORY", "LATEST", "#general", "*", "10"));
        assertThat(recent.ask("#general", ClientState.initial()))
                .as("no CHATHISTORY offered")
                .isNull();
    }

    @Test
    void anEmptyAnswerToOurAskingShowsNothingButAnAnswerToHistoryShowsAlways() {
        recent.ask("#General", offering);
        assertThat(recent.shows(new ClientEvent.HistoryReplayed("#general", List.of()), offering))
                .isFalse();
        assertThat(recent.shows(new ClientEvent.HistoryReplayed("#general", List.of()), offering))
                .as("a later /history with nothing to show says so")
                .isTrue();

        recent.ask("#dev", offering);
        ClientEvent.MessageReceived said =
                new ClientEvent.MessageReceived(Instant.EPOCH, "bob", "#dev", "hi", MessageKind.MESSAGE, false, true);
        assertThat(recent.shows(new ClientEvent.HistoryReplayed("#dev", List.of(said)), offering))
                .isTrue();
    }
}
