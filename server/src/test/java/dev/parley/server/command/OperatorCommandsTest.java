package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class OperatorCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void operWithTheAdminPasswordMakesTheUserAnOperator() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "OPER admin admin123"))
                .containsExactly(
                        ":parley.local 381 alice :You are now an IRC operator", ":alice!alice@192.0.2.1 MODE alice +o");
        assertThat(alice.isOperator()).isTrue();
    }

    @Test
    void operWithAWrongPasswordIsAnswered464() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "OPER admin guess")).containsExactly(":parley.local 464 alice :Password incorrect");
        assertThat(alice.isOperator()).isFalse();
    }

    @Test
    void operatorCommandsFromANonOperatorAreAnswered481() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");

        assertThat(bench.ask(alice, "KILL bob :bye"))
                .containsExactly(":parley.local 481 alice :Permission Denied- You're not an IRC operator");
        assertThat(bench.ask(alice, "BAN bob"))
                .containsExactly(":parley.local 481 alice :Permission Denied- You're not an IRC operator");
        assertThat(bench.connection(bob).isOpen()).isTrue();
    }

    @Test
    void killDisconnectsTheVictimAndTellsItsRoomMates() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.send(alice, "OPER admin admin123");
        bench.take(bob);
        bench.take(carol);

        assertThat(bench.ask(alice, "KILL bob :spamming")).isEmpty();

        assertThat(bench.take(bob)).containsExactly("ERROR :Closing Link: 192.0.2.2 (Killed (alice (spamming)))");
        assertThat(bench.connection(bob).isOpen()).isFalse();
        assertThat(bench.take(carol)).containsExactly(":bob!bob@192.0.2.2 QUIT :Killed (alice (spamming))");
    }

    @Test
    void aServerOperatorMayKickFromARoomItIsNotIn() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(bob, "JOIN #a");
        bench.send(alice, "OPER admin admin123");
        bench.take(bob);

        assertThat(bench.ask(alice, "KICK #a bob :out"))
                .containsExactly(":parley.local NOTICE alice :Kicked bob from #a: out");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 KICK #a bob out");
    }

    @Test
    void banDisconnectsTheUserAndRefusesItAtTheNextRegistration() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "OPER admin admin123");

        assertThat(bench.ask(alice, "BAN bob :flooding"))
                .singleElement()
                .asString()
                .startsWith(":parley.local NOTICE alice :Banned bob!*@*")
                .endsWith("(flooding); disconnected 1 user(s)");
        assertThat(bench.take(bob))
                .containsExactly(
                        ":parley.local 465 bob :You are banned from this server: flooding",
                        "ERROR :Closing Link: 192.0.2.2 (Banned: flooding)");

        Session again = bench.connect();
        bench.send(again, "PASS chat@123");
        bench.send(again, "NICK bob");
        bench.send(again, "USER bob 0 * :Bob");
        assertThat(bench.take(again)).contains(":parley.local 465 bob :You are banned from this server: flooding");
        assertThat(again.isRegistered()).isFalse();
    }

    @Test
    void unbanLiftsABanAndBansListsWhatIsLeft() {
        Session alice = bench.register("alice");
        bench.send(alice, "OPER admin admin123");
        bench.send(alice, "BAN mallory :troll");

        assertThat(bench.ask(alice, "BANS"))
                .hasSize(2)
                .last()
                .isEqualTo(":parley.local NOTICE alice :End of ban list (1 ban)");
        assertThat(bench.ask(alice, "UNBAN mallory"))
                .containsExactly(":parley.local NOTICE alice :Ban on mallory!*@* lifted");
        assertThat(bench.ask(alice, "BANS")).containsExactly(":parley.local NOTICE alice :End of ban list (0 bans)");
    }

    @Test
    void wallopsReachesUsersWithModeW() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(bob, "MODE bob +w");
        bench.send(alice, "OPER admin admin123");
        bench.take(bob);

        bench.send(alice, "WALLOPS :maintenance at noon");

        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 WALLOPS :maintenance at noon");
        assertThat(bench.take(carol)).isEmpty();
    }

    @Test
    void rehashRunsTheReloadAndReportsItsOutcome() {
        Session alice = bench.register("alice");
        bench.send(alice, "OPER admin admin123");

        assertThat(bench.ask(alice, "REHASH"))
                .containsExactly(
                        ":parley.local 382 alice parley.yaml Rehashing",
                        ":parley.local NOTICE alice :Nothing to reload: no TLS listener");
        assertThat(bench.reloads()).isEqualTo(1);
    }
}
