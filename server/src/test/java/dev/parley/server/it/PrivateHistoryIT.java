package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Private history belongs to identities: an account keeps its conversations across nicks, and
 * whoever takes or registers a guest's nick later does not read what was said to that guest.
 */
class PrivateHistoryIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void anAccountsConversationFollowsItAcrossNickChanges() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = loggedIn(server, "alice");
            RawIrcClient bob = loggedIn(server, "bob");
            alice.send("PRIVMSG bob :hello from alice");
            bob.expect(Lines.privmsgFrom("alice", "bob", "hello from alice"));

            alice.send("NICK ally");
            alice.expect(Lines.command("NICK"));
            assertThat(ChatHistory.ask(alice, "LATEST bob * 10").texts()).containsExactly("hello from alice");
            assertThat(ChatHistory.ask(bob, "LATEST ally * 10").texts()).containsExactly("hello from alice");
        }
    }

    @Test
    void registeringAGuestsNickLaterDoesNotOpenWhatWasSaidToTheGuest() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = loggedIn(server, "alice");
            RawIrcClient guest = ChatHistory.historyClient(server, "carol");
            alice.send("PRIVMSG carol :a word for the guest");
            guest.expect(Lines.privmsgFrom("alice", "carol", "a word for the guest"));
            assertThat(ChatHistory.ask(guest, "LATEST alice * 10").texts()).containsExactly("a word for the guest");
            assertThat(ChatHistory.ask(alice, "LATEST carol * 10").texts()).containsExactly("a word for the guest");
            guest.send("QUIT");
            guest.awaitClosed(Duration.ofSeconds(5));

            RawIrcClient carol = loggedIn(server, "carol");
            assertThat(ChatHistory.ask(carol, "LATEST alice * 10").texts()).isEmpty();
        }
    }

    /** Registers the account {@code nick} and returns a history client logged in to it. */
    private static RawIrcClient loggedIn(TestServer server, String nick) {
        RawIrcClient client = ChatHistory.historyClient(server, nick);
        client.send("REGISTER * * :" + PASSWORD);
        client.expect(Numeric.RPL_LOGGEDIN);
        return client;
    }
}
