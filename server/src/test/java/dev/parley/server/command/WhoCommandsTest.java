package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class WhoCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void whoOfARoomListsItsMembersWithTheirFlags() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(bob, "AWAY :out");

        assertThat(bench.ask(alice, "WHO #a"))
                .containsExactly(
                        ":parley.local 352 alice #a alice 192.0.2.1 parley.local alice H@ :0 alice Real",
                        ":parley.local 352 alice #a bob 192.0.2.2 parley.local bob G :0 bob Real",
                        ":parley.local 315 alice #a :End of WHO list");
    }

    @Test
    void invisibleUsersAreHiddenFromMaskQueriesByStrangersButNotFromExactNicks() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(bob, "MODE bob +i");

        assertThat(bench.ask(alice, "WHO b*")).containsExactly(":parley.local 315 alice b* :End of WHO list");
        assertThat(bench.ask(alice, "WHO bob"))
                .containsExactly(
                        ":parley.local 352 alice * bob 192.0.2.2 parley.local bob H :0 bob Real",
                        ":parley.local 315 alice bob :End of WHO list");
    }

    @Test
    void whoxAnswersWithTheAskedFieldsAndToken() {
        Session alice = bench.register("alice");
        bench.register("bob");

        assertThat(bench.ask(alice, "WHO bob %tna,42"))
                .containsExactly(":parley.local 354 alice 42 bob 0", ":parley.local 315 alice bob :End of WHO list");
    }
}
