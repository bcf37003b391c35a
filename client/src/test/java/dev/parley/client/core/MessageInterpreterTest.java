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

    @Test
    void aLiveMultilineBatchIsToldAsOneMessageWithConcatLinesJoined() {
        feed(":srv 001 alice :Welcome");
        Interpretation open =
                feed("@time=2024-01-01T10:00:00.000Z;msgid=m1 :bob!b@h BATCH +ml draft/multiline #general");
        Interpretation first = feed("@batch=ml :bob!b@h PRIVMSG #general :def main():");
        feed("@batch=ml :bob!b@h PRIVMSG #general :    print(\"he");
        feed("@batch=ml;draft/multiline-concat :bob!b@h PRIVMSG #general :llo\")");
        feed("@batch=ml :bob!b@h PRIVMSG #general :");
        feed("@batch=ml :bob!b@h PRIVMSG #general :done");
        Interpretation close = feed(":bob!b@h BATCH -ml");

        assertThat(open.events()).isEmpty();
        assertThat(first.events()).isEmpty();
        assertThat(close.events())
                .containsExactly(new ClientEvent.MessageReceived(
                        Instant.parse("2024-01-01T10:00:00Z"),
                        "bob",
                        "#general",
                        "def main():\n    print(\"hello\")\n\ndone",
                        MessageKind.MESSAGE,
                        false,
                        true));
        assertThat(state.batches()).isEmpty();
    }

    @Test
    void aMultilineBatchOfNoticesIsANotice() {
        feed(":srv 001 alice :Welcome");
        feed(":bob!b@h BATCH +n draft/multiline alice");
        feed("@batch=n :bob!b@h NOTICE alice :one");
        feed("@batch=n :bob!b@h NOTICE alice :two");
        var notice =
                (ClientEvent.MessageReceived) feed(":bob!b@h BATCH -n").events().get(0);
        assertThat(notice.kind()).isEqualTo(MessageKind.NOTICE);
        assertThat(notice.text()).isEqualTo("one\ntwo");
        assertThat(notice.conversation()).isEqualTo("bob");
    }

    @Test
    void aMultilineBatchInsideHistoryJoinsTheReplayInItsPlace() {
        feed(":srv 001 alice :Welcome");
        feed(":srv BATCH +h chathistory #general");
        feed("@batch=h;time=2024-01-01T00:00:00.000Z :bob!b@h PRIVMSG #general :before");
        feed("@batch=h;time=2024-01-01T00:01:00.000Z :bob!b@h BATCH +m draft/multiline #general");
        feed("@batch=m :bob!b@h PRIVMSG #general :line one");
        feed("@batch=m :bob!b@h PRIVMSG #general :line two");
        Interpretation inner = feed(":bob!b@h BATCH -m");
        feed("@batch=h;time=2024-01-01T00:02:00.000Z :carol!c@h PRIVMSG #general :after");
        Interpretation end = feed(":srv BATCH -h");

        assertThat(inner.events()).isEmpty();
        var replay = (ClientEvent.HistoryReplayed) end.events().get(0);
        assertThat(replay.messages())
                .extracting(ClientEvent.MessageReceived::text)
                .containsExactly("before", "line one\nline two", "after");
        assertThat(replay.messages().get(1).time()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    }

    @Test
    void aSearchBatchIsToldAsResults() {
        feed(":srv 001 alice :Welcome");
        feed(":srv BATCH +s soju.im/search");
        feed("@batch=s;time=2024-01-01T00:00:00.000Z :bob!b@h PRIVMSG #ops :deploy done");
        feed("@batch=s;time=2024-01-01T00:00:01.000Z :alice!a@h PRIVMSG bob :deploy when?");
        Interpretation end = feed(":srv BATCH -s");

        var results = (ClientEvent.SearchResults) end.events().get(0);
        assertThat(results.query()).isNull();
        assertThat(results.messages())
                .extracting(ClientEvent.MessageReceived::conversation)
                .containsExactly("#ops", "bob");
    }

    @Test
    void aFailedSearchIsToldAsSuchAndOtherFailsStayErrors() {
        feed(":srv 001 alice :Welcome");
        assertThat(feed(":srv FAIL SEARCH RATE_LIMITED :Too many searches; try again in 6 s")
                        .events())
                .containsExactly(
                        new ClientEvent.SearchFailed(null, "RATE_LIMITED", "Too many searches; try again in 6 s"));
        assertThat(feed(":srv FAIL CHATHISTORY INVALID_TARGET #x :No such target")
                        .events())
                .containsExactly(new ClientEvent.ServerError("FAIL", "CHATHISTORY: No such target"));
    }

    @Test
    void searchAndMultilineAreAskedForWhenOffered() {
        CapNegotiation caps = new CapNegotiation();
        var reply = caps.onCap(((ParseResult.Parsed) IrcParser.parse(
                        ":srv CAP * LS :batch server-time soju.im/search draft/multiline=max-bytes=4096,max-lines=100"))
                .message());
        assertThat(reply).hasSize(1);
        assertThat(reply.get(0).lastParam().split(" "))
                .containsExactlyInAnyOrder("batch", "server-time", "soju.im/search", "draft/multiline");
    }
}
