package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class ReadMarkerCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void aGuestWithoutAMarkerIsToldStar() {
        Session alice = bench.register("alice", "draft/read-marker");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MARKREAD #a")).containsExactly(":parley.local MARKREAD #a *");
    }

    @Test
    void aMarkerMovesForwardOnlyAndTheStoredOneIsTheAnswer() {
        Session alice = bench.register("alice", "draft/read-marker");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "MARKREAD #a timestamp=2026-01-02T03:00:00.000Z"))
                .containsExactly(":parley.local MARKREAD #a timestamp=2026-01-02T03:00:00.000Z");
        assertThat(bench.ask(alice, "MARKREAD #a timestamp=2026-01-01T00:00:00.000Z"))
                .containsExactly(":parley.local MARKREAD #a timestamp=2026-01-02T03:00:00.000Z");
        assertThat(bench.ask(alice, "MARKREAD #a"))
                .containsExactly(":parley.local MARKREAD #a timestamp=2026-01-02T03:00:00.000Z");
    }

    @Test
    void anAccountsOtherClientsHearWhenItsMarkerMoves() {
        Session first = bench.register("dora", "draft/read-marker");
        bench.send(first, "REGISTER * * dora-password");
        Session second = bench.register("dora2", "draft/read-marker", "sasl");
        bench.send(second, "AUTHENTICATE PLAIN");
        bench.send(second, "AUTHENTICATE " + CommandBench.saslPlain("dora", "dora-password"));
        bench.take(first);

        bench.send(second, "MARKREAD #a timestamp=2026-01-02T03:00:00.000Z");

        assertThat(bench.take(first)).containsExactly(":parley.local MARKREAD #a timestamp=2026-01-02T03:00:00.000Z");
    }

    @Test
    void badParametersAreFails() {
        Session alice = bench.register("alice", "draft/read-marker");

        assertThat(bench.ask(alice, "MARKREAD"))
                .containsExactly(":parley.local FAIL MARKREAD NEED_MORE_PARAMS :Missing parameters");
        assertThat(bench.ask(alice, "MARKREAD #a yesterday"))
                .containsExactly(":parley.local FAIL MARKREAD INVALID_PARAMS yesterday :Invalid timestamp");
        assertThat(bench.ask(alice, "MARKREAD !bad"))
                .containsExactly(":parley.local FAIL MARKREAD INVALID_PARAMS !bad :Invalid target");
    }
}
