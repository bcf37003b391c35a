package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class ProfileCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void awayMarksTheUserAndAwayWithoutTextUnmarksIt() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "AWAY :at lunch"))
                .containsExactly(":parley.local 306 alice :You have been marked as being away");
        assertThat(alice.awayMessage()).isEqualTo("at lunch");
        assertThat(bench.ask(alice, "AWAY"))
                .containsExactly(":parley.local 305 alice :You are no longer marked as being away");
        assertThat(alice.awayMessage()).isNull();
    }

    @Test
    void awayNotifyTellsRoomMatesWhoAskedForIt() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob", "away-notify");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.take(bob);
        bench.take(carol);

        bench.send(alice, "AWAY :at lunch");

        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 AWAY :at lunch");
        assertThat(bench.take(carol)).isEmpty();
    }

    @Test
    void setnameChangesTheRealnameAndEchoesItWithTheCapability() {
        Session alice = bench.register("alice", "setname");

        assertThat(bench.ask(alice, "SETNAME :Alice Pleasance Liddell"))
                .containsExactly(":alice!alice@192.0.2.1 SETNAME :Alice Pleasance Liddell");
        assertThat(alice.realname()).isEqualTo("Alice Pleasance Liddell");
    }

    @Test
    void aRealnameOverTheLimitIsRefused() {
        Session alice = bench.register("alice");
        String tooLong = "x".repeat(bench.config().limits().realnameLength() + 1);

        assertThat(bench.ask(alice, "SETNAME :" + tooLong))
                .containsExactly(":parley.local FAIL SETNAME INVALID_REALNAME :Realname is too long");
        assertThat(alice.realname()).isEqualTo("alice Real");
    }
}
