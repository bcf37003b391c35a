package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class CapCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void capLsListsTheOfferedCapabilitiesAndHoldsRegistrationUntilCapEnd() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "CAP LS 302"))
                .singleElement()
                .asString()
                .startsWith(":parley.local CAP * LS :")
                .contains("echo-message", "sasl=PLAIN", "draft/chathistory", "server-time");

        bench.send(client, "PASS chat@123");
        bench.send(client, "NICK alice");
        bench.send(client, "USER alice 0 * :Alice");
        assertThat(client.isRegistered()).isFalse();
        assertThat(bench.ask(client, "CAP END")).first().asString().startsWith(":parley.local 001 alice ");
        assertThat(client.isRegistered()).isTrue();
    }

    @Test
    void capReqAcknowledgesOfferedCapabilitiesAndCapListShowsThem() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "CAP REQ :echo-message server-time"))
                .containsExactly(":parley.local CAP * ACK :echo-message server-time");
        assertThat(bench.ask(client, "CAP LIST"))
                .singleElement()
                .asString()
                .startsWith(":parley.local CAP * LIST :")
                .contains("echo-message", "server-time");
    }

    @Test
    void capReqWithAnUnknownCapabilityIsRefusedWhole() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "CAP REQ :echo-message no-such-cap"))
                .containsExactly(":parley.local CAP * NAK :echo-message no-such-cap");
        assertThat(bench.ask(client, "CAP LIST")).containsExactly(":parley.local CAP * LIST :");
    }

    @Test
    void capReqMayDisableACapabilityAgain() {
        Session alice = bench.register("alice", "echo-message");

        assertThat(bench.ask(alice, "CAP REQ -echo-message"))
                .containsExactly(":parley.local CAP alice ACK -echo-message");
        assertThat(bench.ask(alice, "CAP LIST")).containsExactly(":parley.local CAP alice LIST :");
    }

    @Test
    void anUnknownCapSubcommandIsAnswered410() {
        Session client = bench.connect();

        assertThat(bench.ask(client, "CAP FOO")).containsExactly(":parley.local 410 * FOO :Invalid CAP command");
    }
}
