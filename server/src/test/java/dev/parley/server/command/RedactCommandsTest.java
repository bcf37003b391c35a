package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class RedactCommandsTest {

    private final CommandBench bench = new CommandBench();

    /** The msgid of the last message the bench's history sink took. */
    private String lastMsgid() {
        var offered = bench.sink().offered();
        return offered.get(offered.size() - 1).msgid();
    }

    @Test
    void aUserRedactsItsOwnMessageAndMembersWithTheCapabilityAreTold() {
        Session alice = bench.register("alice", "draft/message-redaction");
        Session bob = bench.register("bob", "draft/message-redaction");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.send(bob, "PRIVMSG #a :oops, a secret");
        String msgid = lastMsgid();
        bench.take(alice);
        bench.take(carol);

        assertThat(bench.ask(bob, "REDACT #a " + msgid + " :typo"))
                .containsExactly(":bob!bob@192.0.2.2 REDACT #a " + msgid + " typo");
        assertThat(bench.take(alice)).containsExactly(":bob!bob@192.0.2.2 REDACT #a " + msgid + " typo");
        assertThat(bench.take(carol)).isEmpty();
        assertThat(bench.ask(bob, "HISTORY #a"))
                .containsExactly(":parley.local NOTICE bob :End of history for #a (0 messages)");
    }

    @Test
    void aMemberMayNotRedactSomeoneElsesMessage() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob", "draft/message-redaction");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(alice, "PRIVMSG #a :mine");
        String msgid = lastMsgid();

        assertThat(bench.ask(bob, "REDACT #a " + msgid))
                .containsExactly(":parley.local FAIL REDACT REDACT_FORBIDDEN #a " + msgid
                        + " :You are not authorised to delete this message");
    }

    @Test
    void theRoomOperatorMayRedactAnyMessageInTheRoom() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(bob, "PRIVMSG #a :spam spam");
        String msgid = lastMsgid();

        assertThat(bench.ask(alice, "REDACT #a " + msgid)).containsExactly(":alice!alice@192.0.2.1 REDACT #a " + msgid);
    }

    @Test
    void anUnknownMsgidOrARoomTheUserIsNotInIsAFail() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "REDACT #a nosuchid"))
                .containsExactly(
                        ":parley.local FAIL REDACT UNKNOWN_MSGID #a nosuchid :This message does not exist or is too old");
        assertThat(bench.ask(bob, "REDACT #a nosuchid"))
                .containsExactly(":parley.local FAIL REDACT INVALID_TARGET #a :You cannot delete messages from #a");
    }
}
