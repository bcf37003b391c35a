package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class HelpCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void helpWithoutATopicSendsTheIndexFramedBy704And706() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "HELP"))
                .startsWith(
                        ":parley.local 704 alice INDEX :Parley speaks IRC. HELP <command> explains one command. Commands:")
                .contains(":parley.local 705 alice INDEX :Rooms: JOIN PART TOPIC NAMES LIST INVITE KICK MODE")
                .endsWith(":parley.local 706 alice INDEX :End of /HELP");
    }

    @Test
    void helpOnACommandExplainsItWhateverTheCase() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "HELP join"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).matches(":parley\\.local 70[456] alice JOIN .*"))
                .endsWith(":parley.local 706 alice JOIN :End of /HELP");
    }

    @Test
    void helpOnAnUnknownTopicIsAnswered524() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "HELPOP nonsense"))
                .containsExactly(":parley.local 524 alice NONSENSE :No help available on this topic");
    }

    @Test
    void everyVerbTheIndexNamesHasItsOwnHelpText() {
        Session alice = bench.register("alice");
        for (String verb : new String[] {"PRIVMSG", "KICK", "CHATHISTORY", "REDACT", "MONITOR", "OPER", "REGISTER"}) {
            assertThat(bench.ask(alice, "HELP " + verb))
                    .as(verb)
                    .first()
                    .asString()
                    .startsWith(":parley.local 704 alice " + verb + " ");
        }
    }
}
