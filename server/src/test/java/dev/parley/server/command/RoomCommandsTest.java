package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class RoomCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void joinSendsTheJoinerItsJoinTheTopicAndTheNamesAndTheMembersTheJoin() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "TOPIC #a :Welcome in");
        bench.take(alice);

        assertThat(bench.ask(bob, "JOIN #a"))
                .containsExactly(
                        ":bob!bob@192.0.2.2 JOIN #a",
                        ":parley.local 332 bob #a :Welcome in",
                        ":parley.local 333 bob #a alice!alice@192.0.2.1 " + CommandBench.START.getEpochSecond(),
                        ":parley.local 353 bob = #a :@alice bob",
                        ":parley.local 366 bob #a :End of /NAMES list");
        assertThat(bench.take(alice)).containsExactly(":bob!bob@192.0.2.2 JOIN #a");
    }

    @Test
    void theFirstToJoinARoomBecomesItsOperator() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "JOIN #new")).contains(":parley.local 353 alice = #new @alice");
    }

    @Test
    void extendedJoinShowsTheAccountAndRealnameToMembersWhoAskedForIt() {
        Session alice = bench.register("alice", "extended-join");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.take(alice);

        bench.send(bob, "JOIN #a");

        assertThat(bench.take(alice)).containsExactly(":bob!bob@192.0.2.2 JOIN #a * :bob Real");
    }

    @Test
    void joinOfANameThatIsNoRoomIsAnswered403() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "JOIN lobby")).containsExactly(":parley.local 403 alice lobby :No such channel");
    }

    @Test
    void joinWithTheWrongKeyIsAnswered475() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "MODE #a +k sesame");

        assertThat(bench.ask(bob, "JOIN #a wrong"))
                .containsExactly(":parley.local 475 bob #a :Cannot join channel (+k)");
        assertThat(bench.ask(bob, "JOIN #a sesame")).first().isEqualTo(":bob!bob@192.0.2.2 JOIN #a");
    }

    @Test
    void partTellsTheRoomAndLeavesIt() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(alice);

        assertThat(bench.ask(bob, "PART #a :bye")).containsExactly(":bob!bob@192.0.2.2 PART #a bye");
        assertThat(bench.take(alice)).containsExactly(":bob!bob@192.0.2.2 PART #a bye");
        assertThat(bench.ask(bob, "PART #a")).containsExactly(":parley.local 442 bob #a :You're not on that channel");
    }

    @Test
    void partOfAnUnknownRoomIsAnswered403() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "PART #none")).containsExactly(":parley.local 403 alice #none :No such channel");
    }

    @Test
    void kickByANonOperatorIsAnswered482() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(alice);

        assertThat(bench.ask(bob, "KICK #a alice"))
                .containsExactly(":parley.local 482 bob #a :You're not channel operator");
        assertThat(bench.take(alice)).isEmpty();
    }

    @Test
    void kickByTheRoomOperatorRemovesTheVictimAndTellsEveryone() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.take(bob);
        bench.take(carol);

        assertThat(bench.ask(alice, "KICK #a bob :spam")).containsExactly(":alice!alice@192.0.2.1 KICK #a bob spam");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 KICK #a bob spam");
        assertThat(bench.take(carol)).containsExactly(":alice!alice@192.0.2.1 KICK #a bob spam");
        assertThat(bench.ask(bob, "PRIVMSG #a :still here?"))
                .containsExactly(":parley.local 404 bob #a :Cannot send to channel");
    }

    @Test
    void kickOfSomeoneNotInTheRoomIsAnswered441() {
        Session alice = bench.register("alice");
        bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "KICK #a bob"))
                .containsExactly(":parley.local 441 alice bob #a :They aren't on that channel");
    }

    @Test
    void joinZeroLeavesEveryRoom() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a,#b");

        assertThat(bench.ask(alice, "JOIN 0"))
                .containsExactlyInAnyOrder(":alice!alice@192.0.2.1 PART #a", ":alice!alice@192.0.2.1 PART #b");
        assertThat(alice.rooms()).isEmpty();
    }
}
