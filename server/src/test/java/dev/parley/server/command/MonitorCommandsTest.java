package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class MonitorCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void addingNicksAnswersWhichAreOnlineAndWhichOffline() {
        Session alice = bench.register("alice");
        bench.register("bob");

        assertThat(bench.ask(alice, "MONITOR + bob,ghost"))
                .containsExactly(":parley.local 730 alice bob!bob@192.0.2.2", ":parley.local 731 alice ghost");
    }

    @Test
    void aWatcherLearnsWhenAWatchedNickArrivesAndLeaves() {
        Session alice = bench.register("alice");
        bench.send(alice, "MONITOR + bob");
        bench.take(alice);

        Session bob = bench.register("bob");
        assertThat(bench.take(alice)).containsExactly(":parley.local 730 alice bob!bob@192.0.2.2");

        bench.send(bob, "QUIT");
        assertThat(bench.take(alice)).containsExactly(":parley.local 731 alice bob");
    }

    @Test
    void listShowsTheWatchedNicksAndClearEmptiesIt() {
        Session alice = bench.register("alice");
        bench.send(alice, "MONITOR + bob,carol");

        assertThat(bench.ask(alice, "MONITOR L"))
                .containsExactly(":parley.local 732 alice bob,carol", ":parley.local 733 alice :End of MONITOR list");
        bench.send(alice, "MONITOR - carol");
        assertThat(bench.ask(alice, "MONITOR L"))
                .containsExactly(":parley.local 732 alice bob", ":parley.local 733 alice :End of MONITOR list");
        bench.send(alice, "MONITOR C");
        assertThat(bench.ask(alice, "MONITOR L")).containsExactly(":parley.local 733 alice :End of MONITOR list");
    }

    @Test
    void anUnknownSubcommandIsAnswered421() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "MONITOR X"))
                .containsExactly(":parley.local 421 alice MONITOR :Unknown MONITOR subcommand");
    }
}
