package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the table makes once for every verb, and labeled-response framing of whole replies. */
class CommandDispatcherTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void aVerbNeedingRegistrationIsAnswered451BeforeIt() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "JOIN #a")).containsExactly(":parley.local 451 * :You have not registered");
    }

    @Test
    void tooFewParametersAreAnswered461NamingTheVerb() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "KICK #a")).containsExactly(":parley.local 461 alice KICK :Not enough parameters");
        assertThat(bench.ask(alice, "JOIN :")).containsExactly(":parley.local 461 alice JOIN :Not enough parameters");
    }

    @Test
    void anOperatorVerbFromAUserIsAnswered481() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "WALLOPS :hello"))
                .containsExactly(":parley.local 481 alice :Permission Denied- You're not an IRC operator");
    }

    @Test
    void aLabeledOneLineReplyCarriesTheLabel() {
        Session alice = bench.register("alice", "labeled-response", "batch", "message-tags");

        assertThat(bench.ask(alice, "@label=one PING x"))
                .containsExactly("@label=one :parley.local PONG parley.local x");
    }

    @Test
    void aLabeledCommandWithoutReplyIsAcknowledged() {
        Session alice = bench.register("alice", "labeled-response", "batch", "message-tags");

        assertThat(bench.ask(alice, "@label=two PONG x")).containsExactly("@label=two :parley.local ACK");
    }

    @Test
    void aLabeledReplyOfSeveralLinesIsWrappedInALabeledBatch() {
        Session alice = bench.register("alice", "labeled-response", "batch", "message-tags");

        List<String> reply = bench.ask(alice, "@label=three WHOIS ghost");

        assertThat(reply).hasSize(4);
        assertThat(reply.get(0)).matches("@label=three :parley\\.local BATCH \\+(\\S+) labeled-response");
        String batch = reply.get(0).split(" ")[3].substring(1);
        assertThat(reply.subList(1, 4))
                .containsExactly(
                        "@batch=" + batch + " :parley.local 401 alice ghost :No such nick/channel",
                        "@batch=" + batch + " :parley.local 318 alice ghost :End of /WHOIS list",
                        ":parley.local BATCH -" + batch);
    }

    @Test
    void theTableHoldsEveryVerbOfEveryFamily() {
        assertThat(bench.verbs())
                .contains(
                        "PRIVMSG",
                        "JOIN",
                        "TOPIC",
                        "MODE",
                        "WHOIS",
                        "WHO",
                        "MONITOR",
                        "OPER",
                        "KILL",
                        "REGISTER",
                        "AUTHENTICATE",
                        "NICK",
                        "CAP",
                        "HELP",
                        "CHATHISTORY",
                        "METADATA",
                        "AWAY",
                        "MARKREAD",
                        "REDACT");
    }
}
