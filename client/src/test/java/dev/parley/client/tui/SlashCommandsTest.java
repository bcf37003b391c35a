package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlashCommandsTest {

    private final CommandLineParser parser = new CommandLineParser(SlashCommands.all());

    private RecordingChat run(RecordingChat chat, String line) {
        ParsedInput input = parser.parse(line);
        assertThat(input).isInstanceOf(ParsedInput.Command.class);
        ParsedInput.Command command = (ParsedInput.Command) input;
        command.command().run().run(chat, command.args());
        return chat;
    }

    @ParameterizedTest(name = "{0} sends {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/users                  | NAMES #general",
                "/msg bob hi there       | PRIVMSG bob :hi there",
                "/join dev-team          | JOIN #dev-team",
                "/part                   | PART #general",
                "/part dev               | PART #dev",
                "/topic                  | TOPIC #general",
                "/topic Be kind          | TOPIC #general :Be kind",
                "/nick robert            | NICK robert",
                "/away lunch             | AWAY lunch",
                "/away                   | AWAY",
                "/whois bob              | WHOIS bob",
                "/kick bob               | KICK #general bob",
                "/kick bob too loud      | KICK #general bob :too loud",
                "/ban bob spamming links | BAN bob :spamming links",
                "/unban bob              | UNBAN bob",
                "/bans                   | BANS",
                "/register s3cret        | REGISTER * * s3cret",
                "/raw MODE #general +t   | MODE #general +t",
                "/history                | HISTORY #general 20",
                "/history 5              | HISTORY #general 5",
                "/history bob            | HISTORY bob 20",
                "/history bob 5          | HISTORY bob 5",
                "/history dev 3          | HISTORY #dev 3",
                "/history #lobby         | HISTORY #lobby 20",
                "/list                   | LIST",
                "/search deploy          | SEARCH text=deploy",
                "/search the new build   | SEARCH text=the\\snew\\sbuild",
                "/search deploy in dev   | SEARCH text=deploy;in=#dev",
                "/search deploy in #ops  | SEARCH text=deploy;in=#ops",
                "/search deploy in bob   | SEARCH text=deploy;in=bob",
                "/search a;b from carol  | SEARCH text=a\\:b;from=carol",
                "/search x in dev from al| SEARCH text=x;in=#dev;from=al",
                "/search x from al in dev| SEARCH text=x;in=#dev;from=al",
                "/search sit in the sun  | SEARCH text=sit\\sin\\sthe\\ssun",
                "/search from bob        | SEARCH from=bob",
            })
    void commandSendsTheRightLine(String typed, String wire) {
        assertThat(run(new RecordingChat(), typed).sent).containsExactly(wire);
    }

    @Test
    void searchIsNamedByItsWordsOrElseByWhatWasTyped() {
        RecordingChat chat = run(new RecordingChat(), "/search deploy failed in dev");
        run(chat, "/search from bob in dev");
        assertThat(chat.searchedFor).containsExactly("deploy failed", "from bob in dev");
    }

    @Test
    void helpPutsTheHelpOfALongCommandUnderItInTheColumn() {
        List<String> help = run(new RecordingChat(), "/help").shown.stream()
                .map(DisplayLine::text)
                .toList();
        int search = help.indexOf("  /search words [in #room|nick] [from nick]");
        assertThat(search).isPositive();
        assertThat(help.get(search + 1)).isEqualTo(" ".repeat(28) + "search messages in your rooms and conversations");
        assertThat(help).contains(String.format("  /%-24s %s", "users", "list the people in the room"));
    }

    @Test
    void searchAloneShowsItsUsage() {
        ParsedInput input = parser.parse("/search");
        assertThat(input).isInstanceOf(ParsedInput.Usage.class);
        ParsedInput.Usage usage = (ParsedInput.Usage) input;
        assertThat(usage.command().usageError(usage.args()))
                .isEqualTo("Usage: /search words [in #room|nick] [from nick]");
    }

    @Test
    void meSendsACtcpAction() {
        assertThat(run(new RecordingChat(), "/me waves").sent)
                .containsExactly("PRIVMSG #general :\u0001ACTION waves\u0001");
    }

    @Test
    void historyUsesChathistoryWhenTheServerOffersItCappedToItsPageSize() {
        RecordingChat chat = new RecordingChat().withIsupport("CHATHISTORY", "100");
        assertThat(run(chat, "/history 500").sent).containsExactly("CHATHISTORY LATEST #general * 100");
    }

    @Test
    void switchChangesTheCurrentRoomOnlyToAJoinedOne() {
        RecordingChat chat = run(new RecordingChat(), "/switch dev");
        assertThat(chat.state().currentRoom()).isEqualTo("#dev");
        run(chat, "/switch nowhere");
        assertThat(chat.state().currentRoom()).isEqualTo("#dev");
        assertThat(chat.shown.get(chat.shown.size() - 1).style()).isEqualTo(Style.ERROR);
        assertThat(chat.sent).isEmpty();
    }

    @Test
    void roomsListsJoinedRoomsAndMarksTheCurrentOne() {
        assertThat(run(new RecordingChat(), "/rooms").shown)
                .containsExactly(DisplayLine.info("Your rooms: general (current), dev"));
    }

    @Test
    void quitTakesAnOptionalMessage() {
        assertThat(run(new RecordingChat(), "/quit bye all").quitWith).isEqualTo("bye all");
        assertThat(run(new RecordingChat(), "/quit").quitWith).isNull();
    }

    @Test
    void helpMarksAdminCommands() {
        RecordingChat chat = run(new RecordingChat(), "/help");
        assertThat(chat.shown)
                .extracting(DisplayLine::text)
                .anySatisfy(
                        line -> assertThat(line).contains("/ban nick [reason]").endsWith("[admin]"))
                .anySatisfy(line -> assertThat(line).contains("/msg nick text").doesNotContain("[admin]"));
        assertThat(chat.sent).isEmpty();
    }

    @Test
    void aMalformedRawLineIsNotSent() {
        RecordingChat chat = run(new RecordingChat(), "/raw :only-a-source");
        assertThat(chat.sent).isEmpty();
        assertThat(chat.shown).singleElement().extracting(DisplayLine::style).isEqualTo(Style.ERROR);
    }

    @Test
    void unknownCommandsAndMissingArgumentsAreRecognised() {
        assertThat(parser.parse("/frobnicate now")).isEqualTo(new ParsedInput.Unknown("frobnicate"));
        assertThat(parser.parse("/msg bob")).isInstanceOf(ParsedInput.Usage.class);
        assertThat(parser.parse("hello /there")).isEqualTo(new ParsedInput.Text("hello /there"));
        assertThat(parser.parse("//shrug")).isEqualTo(new ParsedInput.Text("/shrug"));
        assertThat(parser.parse("   ")).isInstanceOf(ParsedInput.Blank.class);
    }

    @Test
    void historyOfADirectConversationUsesChathistoryWithTheNick() {
        RecordingChat chat = new RecordingChat().withIsupport("CHATHISTORY", "100");
        assertThat(run(chat, "/history bob 500").sent).containsExactly("CHATHISTORY LATEST bob * 100");
    }

    @Test
    void aBadHistoryCountIsAnErrorAndNothingIsSent() {
        RecordingChat chat = run(new RecordingChat(), "/history bob zero");
        assertThat(chat.sent).isEmpty();
        assertThat(chat.shown).singleElement().extracting(DisplayLine::style).isEqualTo(Style.ERROR);
    }

    @Test
    void wordsBeyondWhatACommandTakesAreAUsageErrorNotSilentlyDropped() {
        assertThat(parser.parse("/join two words")).isInstanceOf(ParsedInput.Usage.class);
        assertThat(parser.parse("/switch dev now")).isInstanceOf(ParsedInput.Usage.class);
        assertThat(parser.parse("/nick new name")).isInstanceOf(ParsedInput.Usage.class);
        assertThat(parser.parse("/history bob 5 6")).isInstanceOf(ParsedInput.Usage.class);
        assertThat(parser.parse("/msg bob two words")).isInstanceOf(ParsedInput.Command.class);
    }

    @ParameterizedTest(name = "{0} asks for {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/win 2       | window 2",
                "/win         | list",
                "/query bob   | query bob",
                "/close       | close",
            })
    void windowCommandsWorkOnTheWindows(String typed, String asked) {
        RecordingChat chat = run(new RecordingChat(), typed);
        assertThat(chat.windowsAskedFor).containsExactly(asked);
        assertThat(chat.sent).isEmpty();
    }

    @Test
    void aWindowIsNamedByItsNumber() {
        RecordingChat chat = run(new RecordingChat(), "/win dev");
        assertThat(chat.windowsAskedFor).isEmpty();
        assertThat(chat.shown).singleElement().extracting(DisplayLine::style).isEqualTo(Style.ERROR);
    }
}
