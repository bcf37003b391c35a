package dev.parley.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageInterpreterTest {

    private final MessageInterpreter interpreter =
            new MessageInterpreter(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    private ClientState state = ClientState.initial();

    private Interpretation feed(String line) {
        IrcMessage message = ((ParseResult.Parsed) IrcParser.parse(line)).message();
        Interpretation result = interpreter.interpret(state, message);
        state = result.state();
        return result;
    }

    @Test
    void welcomeIsupportJoinAndNamesBuildTheSnapshot() {
        feed(":srv 001 alice :Welcome");
        feed(":srv 005 alice CHATHISTORY=1000 CASEMAPPING=rfc1459 :are supported by this server");
        feed(":alice!a@h JOIN #general");
        feed(":srv 353 alice = #general :@admin +bob alice");
        Interpretation end = feed(":srv 366 alice #general :End of /NAMES list.");

        assertThat(state.nick()).isEqualTo("alice");
        assertThat(state.chatHistoryLimit()).contains(1000);
        assertThat(state.currentRoom()).isEqualTo("#general");
        assertThat(state.room("#GENERAL").orElseThrow().members()).containsExactly("admin", "alice", "bob");
        assertThat(end.events())
                .containsExactly(
                        new ClientEvent.MembersListed("#general", java.util.List.of("@admin", "+bob", "alice")));
    }

    @Test
    void messagesCarryServerTimeAndKnowTheirOwn() {
        feed(":srv 001 alice :Welcome");
        Interpretation own = feed("@time=2024-05-06T07:08:09.000Z :alice!a@h PRIVMSG #general :hi");
        Interpretation dm = feed(":bob!b@h PRIVMSG alice :psst");

        var mine = (ClientEvent.MessageReceived) own.events().get(0);
        assertThat(mine.own()).isTrue();
        assertThat(mine.time()).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        var secret = (ClientEvent.MessageReceived) dm.events().get(0);
        assertThat(secret.toRoom()).isFalse();
        assertThat(secret.conversation()).isEqualTo("bob");
    }

    @Test
    void beingKickedLeavesTheRoomAndSaysWhoAndWhy() {
        feed(":srv 001 alice :Welcome");
        feed(":alice!a@h JOIN #general");
        Interpretation kick = feed(":admin!a@h KICK #general alice :behave");
        assertThat(kick.events()).containsExactly(new ClientEvent.Kicked("#general", "alice", "admin", "behave", true));
        assertThat(state.rooms()).isEmpty();
        assertThat(state.currentRoom()).isNull();
    }

    @Test
    void aChathistoryBatchIsToldAsOneReplay() {
        feed(":srv 001 alice :Welcome");
        feed(":srv BATCH +h1 chathistory #general");
        Interpretation inside = feed("@batch=h1;time=2024-01-01T00:00:00.000Z :bob!b@h PRIVMSG #general :old news");
        Interpretation end = feed(":srv BATCH -h1");
        assertThat(inside.events()).isEmpty();
        var replay = (ClientEvent.HistoryReplayed) end.events().get(0);
        assertThat(replay.messages())
                .extracting(ClientEvent.MessageReceived::text)
                .containsExactly("old news");
    }

    @Test
    void pingIsAnsweredAndErrorsBecomeEvents() {
        assertThat(feed("PING :abc").replies()).containsExactly(IrcMessage.of("PONG", "abc"));
        assertThat(feed(":srv 433 * alice :Nickname is already in use").events())
                .containsExactly(new ClientEvent.ServerError("433", "alice: Nickname is already in use"));
    }

    @Test
    void theRoomListIsToldRoomByRoom() {
        assertThat(feed(":srv 322 alice #general 3 :Be kind").events())
                .containsExactly(new ClientEvent.RoomListed("#general", 3, "Be kind"));
        assertThat(feed(":srv 322 alice #quiet 1").events())
                .containsExactly(new ClientEvent.RoomListed("#quiet", 1, ""));
        assertThat(feed(":srv 323 alice :End of /LIST").events())
                .containsExactly(new ClientEvent.ServerInfo("323", "End of the room list"));
    }

    @Test
    void aQuitOrNickChangeSaysWhichOfOurRoomsTheyWereIn() {
        feed(":srv 001 alice :Welcome");
        feed(":alice!a@h JOIN #general");
        feed(":alice!a@h JOIN #dev");
        feed(":bob!b@h JOIN #dev");
        feed(":carol!c@h JOIN #general");
        feed(":carol!c@h JOIN #dev");
        assertThat(feed(":bob!b@h QUIT :bye").events())
                .containsExactly(new ClientEvent.Quit("bob", "bye", java.util.List.of("#dev")));
        assertThat(feed(":carol!c@h NICK caroline").events())
                .containsExactly(
                        new ClientEvent.NickChanged("carol", "caroline", false, java.util.List.of("#general", "#dev")));
    }
}
