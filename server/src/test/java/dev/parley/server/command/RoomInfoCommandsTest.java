package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class RoomInfoCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void topicIsSetByTheOperatorAndShownToTheRoom() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(alice);
        bench.take(bob);

        assertThat(bench.ask(alice, "TOPIC #a :Release day"))
                .containsExactly(":alice!alice@192.0.2.1 TOPIC #a :Release day");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 TOPIC #a :Release day");
        assertThat(bench.ask(bob, "TOPIC #a"))
                .containsExactly(
                        ":parley.local 332 bob #a :Release day",
                        ":parley.local 333 bob #a alice!alice@192.0.2.1 " + CommandBench.START.getEpochSecond());
    }

    @Test
    void topicOfARoomWithoutOneIsAnswered331() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "TOPIC #a")).containsExactly(":parley.local 331 alice #a :No topic is set");
    }

    @Test
    void topicChangeByANonOperatorInATopicLockedRoomIsAnswered482() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(bob, "TOPIC #a :mine now"))
                .containsExactly(":parley.local 482 bob #a :You're not channel operator");
    }

    @Test
    void topicChangeFromOutsideTheRoomIsAnswered442() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(bob, "TOPIC #a :drive-by"))
                .containsExactly(":parley.local 442 bob #a :You're not on that channel");
    }

    @Test
    void inviteToAnInviteOnlyRoomLetsTheInviteeIn() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "MODE #a +i");
        assertThat(bench.ask(bob, "JOIN #a")).containsExactly(":parley.local 473 bob #a :Cannot join channel (+i)");

        assertThat(bench.ask(alice, "INVITE bob #a")).containsExactly(":parley.local 341 alice bob #a");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 INVITE bob #a");
        assertThat(bench.ask(bob, "INVITE"))
                .containsExactly(":parley.local 336 bob #a", ":parley.local 337 bob :End of /INVITE list");
        assertThat(bench.ask(bob, "JOIN #a")).first().isEqualTo(":bob!bob@192.0.2.2 JOIN #a");
    }

    @Test
    void inviteOfSomeoneAlreadyInTheRoomIsAnswered443() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(alice, "INVITE bob #a"))
                .containsExactly(":parley.local 443 alice bob #a :is already on channel");
    }

    @Test
    void namesListsTheMembersWithTheirPrefixes() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(carol, "NAMES #a"))
                .containsExactly(
                        ":parley.local 353 carol = #a :@alice bob", ":parley.local 366 carol #a :End of /NAMES list");
        assertThat(bench.ask(carol, "NAMES #none"))
                .containsExactly(":parley.local 366 carol #none :End of /NAMES list");
    }

    @Test
    void listShowsRoomsWithTheirSizeAndTopicButHidesSecretOnes() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #open");
        bench.send(alice, "TOPIC #open :All welcome");
        bench.send(alice, "JOIN #hidden");
        bench.send(alice, "MODE #hidden +s");

        assertThat(bench.ask(bob, "LIST"))
                .containsExactly(
                        ":parley.local 321 bob Channel :Users  Name",
                        ":parley.local 322 bob #open 1 :All welcome",
                        ":parley.local 323 bob :End of /LIST");
    }

    @Test
    void namesOfNothingButCommasEndsTheListInsteadOfFailing() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "NAMES ,")).containsExactly(":parley.local 366 alice , :End of /NAMES list");
        assertThat(bench.ask(alice, "NAMES ,#nowhere"))
                .containsExactly(":parley.local 366 alice #nowhere :End of /NAMES list");
    }
}
