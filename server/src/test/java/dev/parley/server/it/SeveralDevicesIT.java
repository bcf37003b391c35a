package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One account on several devices under one nick (accounts.multiclient), and accounts that stay
 * present when their last connection leaves (accounts.always-on, ALWAYSON): over real sockets,
 * across a server restart.
 */
class SeveralDevicesIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void twoConnectionsOfOneAccountShareOneNickAndSeeEachOthersMessages() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient phone = loggedIn(server, "alys", "echo-message");
            phone.join("#room");
            RawIrcClient bob = server.user("bob");
            bob.join("#room");
            phone.expect(Lines.joinOf("bob", "#room"));

            RawIrcClient laptop = loggedIn(server, "alys");
            laptop.expect(Lines.joinOf("alys", "#room")); // put in the account's rooms at once
            List<IrcMessage> names = laptop.collectUntil(Lines.endOfNames("#room"));
            assertThat(namesIn(names)).containsExactlyInAnyOrder("@alys", "bob");
            bob.assertNothingMatching(Lines.command("JOIN"), QUIET); // nobody new arrived

            phone.send("PRIVMSG #room :from the phone");
            bob.expect(Lines.privmsgFrom("alys", "#room", "from the phone"));
            laptop.expect(Lines.privmsgFrom("alys", "#room", "from the phone"));
            phone.expect(Lines.privmsgFrom("alys", "#room", "from the phone")); // its own echo, once

            laptop.send("PRIVMSG #room :from the laptop");
            bob.expect(Lines.privmsgFrom("alys", "#room", "from the laptop"));
            phone.expect(Lines.privmsgFrom("alys", "#room", "from the laptop"));

            bob.send("PRIVMSG alys :to every device");
            phone.expect(Lines.privmsgFrom("bob", "alys", "to every device"));
            laptop.expect(Lines.privmsgFrom("bob", "alys", "to every device"));

            laptop.send("PRIVMSG bob :a private reply");
            bob.expect(Lines.privmsgFrom("alys", "bob", "a private reply"));
            phone.expect(Lines.privmsgFrom("alys", "bob", "a private reply"));

            bob.send("NAMES #room");
            assertThat(namesIn(bob.collectUntil(Lines.endOfNames("#room")))).containsExactlyInAnyOrder("@alys", "bob");

            quit(laptop);
            bob.assertNothingMatching(Lines.command("QUIT"), QUIET);
            phone.send("PRIVMSG #room :still here");
            bob.expect(Lines.privmsgFrom("alys", "#room", "still here"));

            quit(phone);
            bob.expect(Lines.commandWithParams("QUIT")); // the last device gone: the account quits
            bob.send("NAMES #room");
            assertThat(namesIn(bob.collectUntil(Lines.endOfNames("#room")))).containsExactly("bob");
        }
    }

    @Test
    void aJoinPartOrNickChangeOnOneDeviceIsSeenOnTheOthers() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient phone = loggedIn(server, "alys");
            RawIrcClient laptop = loggedIn(server, "alys");

            phone.join("#new");
            laptop.expect(Lines.joinOf("alys", "#new"));
            laptop.expect(Lines.endOfNames("#new"));

            laptop.send("PART #new :bye");
            phone.expect(Lines.commandWithParams("PART", "#new"));

            phone.send("NICK alys_away");
            laptop.expect(Lines.commandWithParams("NICK", "alys_away"));
            laptop.send("WHOIS alys_away");
            assertThat(laptop.expect(Numeric.RPL_WHOISUSER).params()).contains("alys_away");
        }
    }

    @Test
    void aSecondAccountOrAGuestStillCannotTakeAHeldNick() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            loggedIn(server, "alys");
            RawIrcClient guest = server.connect();
            guest.send("PASS chat@123");
            guest.send("NICK alys");
            guest.send("USER g 0 * :g");
            guest.expect(Numeric.ERR_NICKNAMEINUSE);
        }
    }

    @Test
    void aDeviceUnderAnotherNickIsAUserOfItsOwnAndLeavesThePresenceAlone() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient phone = loggedIn(server, "alys");
            phone.join("#room");
            RawIrcClient other = server.connect();
            other.registerWithCaps("alys_laptop", "chat@123", "sasl");
            other.send("AUTHENTICATE PLAIN");
            other.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
            other.send("AUTHENTICATE "
                    + java.util.Base64.getEncoder()
                            .encodeToString(
                                    ("alys\0alys\0" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            other.expect(Numeric.RPL_SASLSUCCESS);
            other.join("#room");
            phone.expect(Lines.joinOf("alys_laptop", "#room")); // someone else, to the room

            RawIrcClient tablet = loggedIn(server, "alys");
            tablet.expect(Lines.joinOf("alys", "#room"));
            phone.send("PRIVMSG #room :hello");
            tablet.expect(Lines.privmsgFrom("alys", "#room", "hello"));
            other.expect(Lines.privmsgFrom("alys", "#room", "hello"));
        }
    }

    @Test
    void withMulticlientOffASecondConnectionGetsNickInUse() {
        try (TestServer server = TestServer.start(accounts(false, false))) {
            registerAccount(server, "alys");
            loggedIn(server, "alys");
            RawIrcClient second = server.connect();
            second.send("PASS " + PASSWORD);
            second.send("NICK alys");
            second.send("USER a 0 * :a");
            second.expect(Numeric.ERR_NICKNAMEINUSE);
        }
    }

    @Test
    void anAlwaysOnAccountStaysInItsRoomsAwayAndCatchesUpOnReturnAlsoAfterARestart() {
        try (TestServer server = TestServer.start(accounts(true, true))) {
            registerAccount(server, "alys");
            registerAccount(server, "bob"); // a guest's private history is its connection's only
            RawIrcClient alys = loggedIn(server, "alys");
            alys.join("#room");
            RawIrcClient bob = loggedIn(server, "bob", "away-notify");
            bob.join("#room");

            quit(alys);
            bob.expect(Lines.commandWithParams("AWAY")); // present, but away
            bob.assertNothingMatching(Lines.command("QUIT"), QUIET);
            bob.send("PRIVMSG alys :are you there?");
            assertThat(bob.expect(Numeric.RPL_AWAY).params()).contains("alys");
            bob.send("PRIVMSG #room :said while alys was away");
            bob.send("PING :sync"); // handled, so stored, before the restart
            bob.expectCommand("PONG");

            server.restart();

            RawIrcClient bobAgain = loggedIn(server, "bob");
            bobAgain.expect(Lines.joinOf("bob", "#room")); // always-on too: the server default here
            bobAgain.send("NAMES #room");
            assertThat(namesIn(bobAgain.collectUntil(Lines.endOfNames("#room"))))
                    .contains("@alys");
            RawIrcClient guest = server.connect();
            guest.send("PASS chat@123");
            guest.send("NICK alys");
            guest.send("USER g 0 * :g");
            guest.expect(Numeric.ERR_NICKNAMEINUSE); // the nick survived the restart

            RawIrcClient back = loggedIn(server, "alys", "draft/chathistory", "batch", "server-time", "message-tags");
            back.expect(Lines.joinOf("alys", "#room"));
            back.expect(Lines.endOfNames("#room"));
            back.send("CHATHISTORY LATEST #room * 10");
            assertThat(textsIn(back.collectUntil(Lines.commandWithParams("BATCH")), "#room"))
                    .isEmpty();
            List<IrcMessage> page = back.collectUntil(
                    m -> m.command().equals("BATCH") && m.param(0).startsWith("-"));
            assertThat(textsIn(page, "#room")).contains("said while alys was away");
            back.send("CHATHISTORY LATEST bob * 10");
            back.expectCommand("BATCH");
            List<IrcMessage> direct = back.collectUntil(
                    m -> m.command().equals("BATCH") && m.param(0).startsWith("-"));
            assertThat(textsIn(direct, "alys")).contains("are you there?");
        }
    }

    @Test
    void alwaysOnIsEachAccountsChoice() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient alys = loggedIn(server, "alys");
            alys.send("ALWAYSON");
            assertThat(alys.expectCommand("NOTE").params()).startsWith("ALWAYSON", "OFF");
            alys.send("ALWAYSON ON");
            assertThat(alys.expectCommand("NOTE").params()).startsWith("ALWAYSON", "ON");
            alys.join("#room");
            RawIrcClient bob = server.user("bob");
            bob.join("#room");

            quit(alys);
            bob.assertNothingMatching(Lines.command("QUIT"), QUIET);

            RawIrcClient back = loggedIn(server, "alys");
            back.expect(Lines.joinOf("alys", "#room"));
            back.send("ALWAYSON OFF");
            assertThat(back.expectCommand("NOTE").params()).startsWith("ALWAYSON", "OFF");
            quit(back);
            bob.expect(Lines.command("QUIT"));

            RawIrcClient guest = server.user("guest");
            guest.send("ALWAYSON ON");
            guest.expect(Lines.commandWithParams("FAIL", "ALWAYSON", "ACCOUNT_REQUIRED"));
        }
    }

    @Test
    void killRemovesAnAlwaysOnAccountForGood() {
        try (TestServer server = TestServer.start(accounts(true, true))) {
            registerAccount(server, "alys");
            RawIrcClient alys = loggedIn(server, "alys");
            alys.join("#room");
            quit(alys);
            RawIrcClient admin = server.admin();
            admin.join("#room");

            admin.send("KILL alys :gone");
            admin.expect(Lines.command("QUIT"));
            admin.send("NAMES #room");
            assertThat(namesIn(admin.collectUntil(Lines.endOfNames("#room")))).containsExactly("admin");
        }
    }

    private static UnaryOperator<ParleyConfig> accounts(boolean multiclient, boolean alwaysOn) {
        return c -> {
            AccountsConfig a = c.accounts();
            return c.withAccounts(new AccountsConfig(
                    a.registration(),
                    a.bcryptCost(),
                    a.minPasswordLength(),
                    a.loginAttempts(),
                    a.loginWindow(),
                    a.registrationsPerIp(),
                    a.registrationWindow(),
                    multiclient,
                    alwaysOn));
        };
    }

    private static void registerAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        quit(client);
    }

    /** Logged in to the account {@code nick} by PASS with its password. */
    private static RawIrcClient loggedIn(TestServer server, String nick, String... caps) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, PASSWORD, caps);
        return client;
    }

    private static void quit(RawIrcClient client) {
        client.send("QUIT");
        client.awaitClosed(Duration.ofSeconds(5));
    }

    private static List<String> namesIn(List<IrcMessage> lines) {
        return lines.stream()
                .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                .flatMap(m -> List.of(m.lastParam().split(" ")).stream())
                .toList();
    }

    private static List<String> textsIn(List<IrcMessage> lines, String target) {
        return lines.stream()
                .filter(m -> m.command().equals("PRIVMSG") && m.param(0).equals(target))
                .map(IrcMessage::lastParam)
                .toList();
    }
}
