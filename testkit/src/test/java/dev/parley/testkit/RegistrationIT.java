package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RawIrcClient#register}, {@link RawIrcClient#registerWithCaps} and {@link RawIrcClient#join}. */
class RegistrationIT {

    private FakeIrcServer server;
    private RawIrcClient client;

    @BeforeEach
    void connect() throws IOException {
        server = FakeIrcServer.start();
        client = RawIrcClient.connect(server.address());
        server.accept();
    }

    @AfterEach
    void disconnect() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void registerSendsPassNickUserAndReadsThroughTheEndOfTheMotd() throws IOException {
        server.send(
                ":srv 001 bob :Welcome",
                ":srv 005 bob CASEMAPPING=rfc1459 :are supported",
                ":srv 375 bob :- MOTD",
                ":srv 376 bob :End of MOTD",
                ":srv PING :next");

        List<IrcMessage> burst = client.register("bob", "chat@123");

        assertThat(burst).extracting(IrcMessage::command).containsExactly("001", "005", "375", "376");
        assertThat(List.of(server.readLine(), server.readLine(), server.readLine()))
                .containsExactly("PASS chat@123", "NICK bob", "USER bob 0 * :bob (Parley testkit)");
        assertThat(client.expectCommand("PING").param(0)).isEqualTo("next");
    }

    @Test
    void registerWithoutAPasswordSendsNoPassAndAcceptsNoMotd() throws IOException {
        server.send(":srv 001 bob :Welcome", ":srv 422 bob :MOTD File is missing");

        client.register("bob", null);

        assertThat(server.readLine()).isEqualTo("NICK bob");
    }

    @Test
    void registerFailsAtOnceWhenTheServerRefuses() throws IOException {
        server.send(":srv 464 * :Password incorrect", "ERROR :Closing link");

        assertThatThrownBy(() -> client.register("bob", "wrong"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected registration of bob")
                .hasMessageContaining("464");
    }

    @Test
    void registerWithCapsNegotiatesBeforeRegistering() throws IOException {
        server.send(
                ":srv CAP * LS * :echo-message server-time",
                ":srv CAP * LS :message-tags",
                ":srv CAP * ACK :server-time echo-message",
                ":srv 001 bob :Welcome",
                ":srv 376 bob :End");

        client.registerWithCaps("bob", null, "echo-message", "server-time");

        assertThat(List.of(
                        server.readLine(), server.readLine(), server.readLine(), server.readLine(), server.readLine()))
                .containsExactly(
                        "CAP LS 302",
                        "CAP REQ :echo-message server-time",
                        "NICK bob",
                        "USER bob 0 * :bob (Parley testkit)",
                        "CAP END");
    }

    @Test
    void registerWithCapsFailsWhenTheServerRefusesACap() throws IOException {
        server.send(":srv CAP * LS :echo-message", ":srv CAP * NAK :echo-message batch");

        assertThatThrownBy(() -> client.registerWithCaps("bob", null, "echo-message", "batch"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CAP ACK of [batch, echo-message]")
                .hasMessageContaining("NAK");
    }

    @Test
    void joinReadsThroughEndOfNamesForThatRoom() throws IOException {
        server.send(
                ":bob!b@h JOIN #General",
                ":srv 353 bob = #general :bob",
                ":srv 366 bob #general :End",
                ":srv PING :next");

        List<IrcMessage> lines = client.join("#General");

        assertThat(server.readLine()).isEqualTo("JOIN #General");
        assertThat(lines).last().matches(Lines.numeric(Numeric.RPL_ENDOFNAMES));
        assertThat(client.expectCommand("PING").param(0)).isEqualTo("next");
    }

    @Test
    void joinFailsAtOnceWhenTheServerRefusesTheRoom() throws IOException {
        server.send(":srv 474 bob #secret :Cannot join channel (+b)");

        assertThatThrownBy(() -> client.join("#secret"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected to join #secret")
                .hasMessageContaining("474");
    }
}
