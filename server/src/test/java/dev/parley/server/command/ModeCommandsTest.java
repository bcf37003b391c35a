package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class ModeCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void modeOfARoomShowsItsFlagsAndCreationTime() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MODE #a"))
                .containsExactly(
                        ":parley.local 324 alice #a +nt",
                        ":parley.local 329 alice #a " + CommandBench.START.getEpochSecond());
    }

    @Test
    void theRoomOperatorGivesOperatorStatusAndTheRoomSeesIt() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(bob);

        assertThat(bench.ask(alice, "MODE #a +o bob")).containsExactly(":alice!alice@192.0.2.1 MODE #a +o bob");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 MODE #a +o bob");
        assertThat(bench.ask(bob, "NAMES #a")).first().isEqualTo(":parley.local 353 bob = #a :@alice @bob");
    }

    @Test
    void aModeChangeByANonOperatorIsAnswered482() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(bob, "MODE #a +m"))
                .containsExactly(":parley.local 482 bob #a :You're not channel operator");
    }

    @Test
    void aModeOnAnUnknownRoomIsAnswered403() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "MODE #none")).containsExactly(":parley.local 403 alice #none :No such channel");
    }

    @Test
    void severalFlagsAndAKeyAreAppliedInOneChangeAndTheKeyIsShownToMembersOnly() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MODE #a +imk sesame"))
                .containsExactly(":alice!alice@192.0.2.1 MODE #a +imk sesame");
        assertThat(bench.ask(alice, "MODE #a")).first().isEqualTo(":parley.local 324 alice #a +ikmnt sesame");
        assertThat(bench.ask(bob, "MODE #a")).first().isEqualTo(":parley.local 324 bob #a +ikmnt *");
    }

    @Test
    void anUnknownRoomModeIsAnswered472() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MODE #a +Z"))
                .containsExactly(":parley.local 472 alice Z :is unknown mode char to me");
    }

    @Test
    void aBanIsListedAndKeepsTheBannedOut() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MODE #a +b bob!*@*")).containsExactly(":alice!alice@192.0.2.1 MODE #a +b bob!*@*");
        assertThat(bench.ask(alice, "MODE #a b"))
                .containsExactly(
                        ":parley.local 367 alice #a bob!*@* alice " + CommandBench.START.getEpochSecond(),
                        ":parley.local 368 alice #a :End of channel ban list");
        assertThat(bench.ask(bob, "JOIN #a")).containsExactly(":parley.local 474 bob #a :Cannot join channel (+b)");
    }

    @Test
    void userModesAreShownAndChangedForOneselfOnly() {
        Session alice = bench.register("alice");
        bench.register("bob");

        assertThat(bench.ask(alice, "MODE alice +i")).containsExactly(":alice MODE alice +i");
        assertThat(bench.ask(alice, "MODE alice")).containsExactly(":parley.local 221 alice +i");
        assertThat(bench.ask(alice, "MODE bob +i"))
                .containsExactly(":parley.local 502 alice :Can't change mode for other users");
    }
}
