package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class SaslCommandsTest {

    private final CommandBench bench = new CommandBench();

    /** An account "dora" with the password "dora-password", made through REGISTER by an earlier client. */
    private void accountDora() {
        Session dora = bench.register("dora");
        bench.send(dora, "REGISTER * * dora-password");
        bench.send(dora, "QUIT");
    }

    @Test
    void plainLoginDuringRegistrationLogsInAndWelcomesUnderTheAccount() {
        accountDora();
        Session client = bench.connect();
        bench.send(client, "CAP REQ :sasl");
        bench.send(client, "NICK dora");
        bench.send(client, "USER dora 0 * :Dora");

        assertThat(bench.ask(client, "AUTHENTICATE PLAIN")).containsExactly("AUTHENTICATE +");
        assertThat(bench.ask(client, "AUTHENTICATE " + CommandBench.saslPlain("dora", "dora-password")))
                .containsExactly(
                        ":parley.local 900 dora dora!dora@192.0.2.2 dora :You are now logged in as dora",
                        ":parley.local 903 dora :SASL authentication successful");
        assertThat(bench.ask(client, "CAP END"))
                .first()
                .isEqualTo(":parley.local 001 dora :Welcome to the Parley IRC Network dora!dora@192.0.2.2");
        assertThat(client.account()).isEqualTo("dora");
    }

    @Test
    void aWrongPasswordIsAnswered904() {
        accountDora();
        Session client = bench.connect();
        bench.send(client, "CAP REQ :sasl");
        bench.send(client, "AUTHENTICATE PLAIN");

        assertThat(bench.ask(client, "AUTHENTICATE " + CommandBench.saslPlain("dora", "guess-guess")))
                .containsExactly(":parley.local 904 * :SASL authentication failed: wrong account name or password");
        assertThat(client.registration().saslAccount()).isNull();
    }

    @Test
    void authenticateWithoutTheSaslCapabilityIsAnswered904() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "AUTHENTICATE PLAIN"))
                .containsExactly(":parley.local 904 * :SASL authentication failed: request the sasl capability first");
    }

    @Test
    void anUnknownMechanismIsAnsweredWithTheAvailableOnes() {
        Session client = bench.connect();
        bench.send(client, "CAP REQ :sasl");

        assertThat(bench.ask(client, "AUTHENTICATE SCRAM-SHA-256"))
                .containsExactly(
                        ":parley.local 908 * PLAIN :are available SASL mechanisms",
                        ":parley.local 904 * :SASL authentication failed: unknown mechanism");
    }

    @Test
    void anExchangeIsAbortedWithAStar() {
        Session client = bench.connect();
        bench.send(client, "CAP REQ :sasl");
        bench.send(client, "AUTHENTICATE PLAIN");

        assertThat(bench.ask(client, "AUTHENTICATE *"))
                .containsExactly(":parley.local 906 * :SASL authentication aborted");
        assertThat(client.sasl().inProgress()).isFalse();
    }

    @Test
    void aRegisteredGuestMayLogInLater() {
        accountDora();
        Session guest = bench.register("dora2", "sasl");
        bench.send(guest, "AUTHENTICATE PLAIN");

        assertThat(bench.ask(guest, "AUTHENTICATE " + CommandBench.saslPlain("dora", "dora-password")))
                .containsExactly(
                        ":parley.local 900 dora2 dora2!dora2@192.0.2.2 dora :You are now logged in as dora",
                        ":parley.local 903 dora2 :SASL authentication successful");
        assertThat(guest.account()).isEqualTo("dora");
    }
}
