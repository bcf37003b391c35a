package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void whoisDescribesTheUserItsRoomsAndItsIdleTime() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(bob, "JOIN #a");
        bench.clock().advance(Duration.ofSeconds(42));
        long signon = CommandBench.START.getEpochSecond();

        assertThat(bench.ask(alice, "WHOIS bob"))
                .containsExactly(
                        ":parley.local 311 alice bob bob 192.0.2.2 * :bob Real",
                        ":parley.local 319 alice bob @#a",
                        ":parley.local 312 alice bob parley.local Parley",
                        ":parley.local 317 alice bob 42 " + signon + " :seconds idle, signon time",
                        ":parley.local 318 alice bob :End of /WHOIS list");
    }

    @Test
    void whoisOfAnUnknownNickIsAnswered401Then318() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "WHOIS ghost"))
                .containsExactly(
                        ":parley.local 401 alice ghost :No such nick/channel",
                        ":parley.local 318 alice ghost :End of /WHOIS list");
    }

    @Test
    void isonAndUserhostAnswerOnlyForNicksThatAreOnline() {
        Session alice = bench.register("alice");
        bench.register("bob");

        assertThat(bench.ask(alice, "ISON bob ghost")).containsExactly(":parley.local 303 alice bob");
        assertThat(bench.ask(alice, "USERHOST bob ghost"))
                .containsExactly(":parley.local 302 alice bob=+bob@192.0.2.2");
    }

    @Test
    void whowasRemembersAUserWhoLeft() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(bob, "QUIT :bye");

        assertThat(bench.ask(alice, "WHOWAS bob"))
                .containsExactly(
                        ":parley.local 314 alice bob bob 192.0.2.2 * :bob Real",
                        ":parley.local 312 alice bob parley.local :Fri, 2 Jan 2026 03:04:05 GMT",
                        ":parley.local 369 alice bob :End of WHOWAS");
        assertThat(bench.ask(alice, "WHOWAS ghost"))
                .containsExactly(
                        ":parley.local 406 alice ghost :There was no such nickname",
                        ":parley.local 369 alice ghost :End of WHOWAS");
    }

    @Test
    void timeAnswersWithTheServerClock() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "TIME"))
                .containsExactly(":parley.local 391 alice parley.local :Fri, 2 Jan 2026 03:04:05 GMT");
    }

    @Test
    void lusersCountsTheRegisteredUsersAndRooms() {
        Session alice = bench.register("alice");
        bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "LUSERS"))
                .contains(
                        ":parley.local 251 alice :There are 2 users and 0 invisible on 1 servers",
                        ":parley.local 254 alice 1 :channels formed");
    }
}
