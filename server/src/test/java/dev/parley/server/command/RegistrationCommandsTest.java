package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class RegistrationCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void passNickAndUserRegisterAndSendTheWelcomeBurst() {
        Session client = bench.connect();
        bench.send(client, "PASS chat@123");
        bench.send(client, "NICK alice");
        assertThat(bench.lines(client)).isEmpty();

        bench.send(client, "USER alice 0 * :Alice Liddell");

        assertThat(bench.take(client))
                .startsWith(
                        ":parley.local 001 alice :Welcome to the Parley IRC Network alice!alice@192.0.2.1",
                        ":parley.local 002 alice :Your host is parley.local, running version test",
                        ":parley.local 003 alice :This server was created Fri, 2 Jan 2026 03:04:05 GMT",
                        ":parley.local 004 alice parley.local test Biow beiklmnostvI beIklov")
                .endsWith(":parley.local 376 alice :End of /MOTD command.");
        assertThat(client.isRegistered()).isTrue();
    }

    @Test
    void aWrongServerPasswordIsAnswered464AndDisconnected() {
        Session client = bench.connect();
        bench.send(client, "PASS wrong");
        bench.send(client, "NICK alice");
        bench.send(client, "USER alice 0 * :Alice");

        assertThat(bench.take(client))
                .containsExactly(
                        ":parley.local 464 alice :Password incorrect", "ERROR :Closing Link: 192.0.2.1 (Bad password)");
        assertThat(bench.connection(client).isOpen()).isFalse();
    }

    @Test
    void aNickInUseIsAnswered433() {
        bench.register("alice");
        Session client = bench.connect();

        assertThat(bench.ask(client, "NICK ALICE"))
                .containsExactly(":parley.local 433 * ALICE :Nickname is already in use");
    }

    @Test
    void anErroneousNickIsAnswered432AndAMissingOne431() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "NICK #bad")).containsExactly(":parley.local 432 * #bad :Erroneous nickname");
        assertThat(bench.ask(client, "NICK :")).containsExactly(":parley.local 431 * :No nickname given");
    }

    @Test
    void aNickChangeIsSeenByTheUserAndItsRoomMates() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(bob);

        assertThat(bench.ask(alice, "NICK alicia")).containsExactly(":alice!alice@192.0.2.1 NICK alicia");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 NICK alicia");
        assertThat(bench.nicks().find("alice")).isEmpty();
    }

    @Test
    void reregisteringIsAnswered462() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "USER again 0 * :Again"))
                .containsExactly(":parley.local 462 alice :You may not reregister");
        assertThat(bench.ask(alice, "PASS chat@123"))
                .containsExactly(":parley.local 462 alice :You may not reregister");
    }

    @Test
    void pingIsAnsweredWithPong() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "PING token42")).containsExactly(":parley.local PONG parley.local token42");
    }

    @Test
    void quitClosesTheConnectionReleasesTheNickAndTellsRoomMates() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(bob);

        assertThat(bench.ask(alice, "QUIT :gone fishing"))
                .containsExactly("ERROR :Closing Link: 192.0.2.1 (Quit: gone fishing)");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 QUIT :Quit: gone fishing");
        assertThat(bench.connection(alice).isOpen()).isFalse();
        assertThat(bench.nicks().find("alice")).isEmpty();
    }

    @Test
    void anUnknownCommandIsAnswered421() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "FROB x")).containsExactly(":parley.local 421 alice FROB :Unknown command");
    }

    @Test
    void tooFewParametersAreAnswered461() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "USER alice 0 *"))
                .containsExactly(":parley.local 461 * USER :Not enough parameters");
    }
}
