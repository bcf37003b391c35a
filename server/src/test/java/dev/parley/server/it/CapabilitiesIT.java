package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IRCv3 capability negotiation and what each capability changes on the wire. */
class CapabilitiesIT {

    private static final String PASSWORD = "chat@123";
    private static final Predicate<IrcMessage> WELCOME = Lines.numeric(Numeric.RPL_WELCOME);

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestLimits.noFlood());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void capLs302ListsEveryCapabilityParleySupports() {
        RawIrcClient client = server.connect();
        client.send("CAP LS 302");
        List<IrcMessage> lines = client.collectUntil(finalCapLs());

        List<String> offered = lines.stream()
                .filter(Lines.command("CAP"))
                .flatMap(m -> Arrays.stream(m.lastParam().split(" ")))
                .toList();

        assertThat(offered)
                .contains(
                        "cap-notify",
                        "message-tags",
                        "server-time",
                        "echo-message",
                        "multi-prefix",
                        "batch",
                        "away-notify",
                        "account-tag",
                        "extended-join",
                        "userhost-in-names",
                        "setname",
                        "labeled-response",
                        "draft/chathistory",
                        "draft/event-playback",
                        "draft/message-redaction");
    }

    @Test
    void requestingAnUnknownCapabilityIsRefusedAndEnablesNothing() {
        RawIrcClient client = server.connect();
        client.send("CAP LS 302");
        client.expect(finalCapLs());
        client.send("CAP REQ :echo-message no-such-cap");
        IrcMessage reply = client.expect(Lines.command("CAP"));
        assertThat(reply.param(1)).isEqualTo("NAK");
        assertThat(reply.lastParam()).isEqualTo("echo-message no-such-cap");

        client.send("CAP LIST");
        IrcMessage list = client.expect(Lines.commandWithParams("CAP", "*", "LIST"));
        assertThat(list.lastParam().split(" ")).doesNotContain("echo-message", "no-such-cap");
    }

    @Test
    void registrationWaitsForCapEnd() {
        RawIrcClient client = server.connect();
        client.send("CAP LS 302");
        client.expect(finalCapLs());
        client.send("PASS " + PASSWORD);
        client.send("NICK waiter");
        client.send("USER waiter 0 * :Waiter");
        client.assertNothingMatching(WELCOME, Duration.ofMillis(500));

        client.send("CAP END");
        client.expect(WELCOME);
    }

    @Test
    void echoMessageEchoesTheSendersOwnPrivmsgWithItsMsgid() {
        RawIrcClient alice = capUser("alice", "echo-message", "message-tags");
        RawIrcClient bob = capUser("bob", "message-tags");
        alice.join("#room");
        bob.join("#room");

        alice.send("PRIVMSG #room :hello me");
        IrcMessage echo = alice.expect(Lines.privmsgFrom("alice", "#room", "hello me"));
        IrcMessage delivered = bob.expect(Lines.privmsgFrom("alice", "#room", "hello me"));

        assertThat(echo.tag("msgid")).isNotBlank().isEqualTo(delivered.tag("msgid"));
    }

    @Test
    void serverTimeStampsMessagesWithAnIso8601UtcTimeInMilliseconds() {
        RawIrcClient alice = server.user("alice");
        RawIrcClient bob = capUser("bob", "server-time");
        alice.join("#room");
        bob.join("#room");

        alice.send("PRIVMSG #room :what time is it");
        IrcMessage message = bob.expect(Lines.privmsgFrom("alice", "#room", "what time is it"));

        assertThat(message.tag("time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(message.hasTag("msgid")).as("msgid needs message-tags").isFalse();
    }

    @Test
    void everyPrivmsgAndNoticeCarriesOneMsgidSharedByAllRecipients() {
        RawIrcClient alice = server.user("alice");
        RawIrcClient bob = capUser("bob", "message-tags");
        RawIrcClient carol = capUser("carol", "message-tags", "server-time");
        for (RawIrcClient client : List.of(alice, bob, carol)) {
            client.join("#room");
        }

        alice.send("PRIVMSG #room :first");
        alice.send("NOTICE #room :second");
        IrcMessage bobFirst = bob.expect(Lines.privmsgFrom("alice", "#room", "first"));
        IrcMessage bobSecond = bob.expect(Lines.noticeFrom("alice", "#room", "second"));
        IrcMessage carolFirst = carol.expect(Lines.privmsgFrom("alice", "#room", "first"));
        IrcMessage carolSecond = carol.expect(Lines.noticeFrom("alice", "#room", "second"));

        assertThat(bobFirst.tag("msgid")).isNotBlank().isEqualTo(carolFirst.tag("msgid"));
        assertThat(bobSecond.tag("msgid")).isNotBlank().isEqualTo(carolSecond.tag("msgid"));
        assertThat(bobFirst.tag("msgid")).isNotEqualTo(bobSecond.tag("msgid"));

        alice.send("PRIVMSG bob :just you");
        assertThat(bob.expect(Lines.privmsgFrom("alice", "bob", "just you")).tag("msgid"))
                .isNotBlank();
    }

    @Test
    void clientOnlyTagsReachOnlyMessageTagsClientsAndTagmsgWorks() {
        RawIrcClient alice = capUser("alice", "message-tags");
        RawIrcClient tagged = capUser("tagged", "message-tags");
        RawIrcClient plain = server.user("plain");
        for (RawIrcClient client : List.of(alice, tagged, plain)) {
            client.join("#room");
        }

        alice.send("@+draft/reply=abc123 PRIVMSG #room :replying");
        alice.send("@+draft/react=yes TAGMSG #room");
        alice.send("PRIVMSG #room :marker");

        IrcMessage reply = tagged.expect(Lines.privmsgFrom("alice", "#room", "replying"));
        assertThat(reply.tag("+draft/reply")).isEqualTo("abc123");
        IrcMessage react = tagged.expect(Lines.commandWithParams("TAGMSG", "#room"));
        assertThat(react.tag("+draft/react")).isEqualTo("yes");
        assertThat(Lines.from("alice").test(react)).isTrue();

        List<IrcMessage> plainSaw = plain.collectUntil(Lines.privmsgFrom("alice", "#room", "marker"));
        assertThat(plainSaw).noneMatch(Lines.command("TAGMSG"));
        assertThat(plainSaw)
                .filteredOn(Lines.privmsgFrom("alice", "#room", "replying"))
                .singleElement()
                .satisfies(m -> assertThat(m.tags()).isEmpty());
    }

    @Test
    void labeledResponseLabelsASingleReply() {
        RawIrcClient client = capUser("labeler", "labeled-response", "batch");
        client.send("@label=one PING :token");
        IrcMessage pong = client.expect(Lines.command("PONG"));
        assertThat(pong.tag("label")).isEqualTo("one");
    }

    @Test
    void labeledResponseWrapsSeveralRepliesInALabeledBatch() {
        RawIrcClient client = capUser("labeler", "labeled-response", "batch");
        client.send("@label=many WHOIS labeler");
        List<IrcMessage> lines = client.collectUntil(Lines.described(
                "BATCH end", m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));

        IrcMessage start = lines.get(0);
        assertThat(start.verb()).isEqualTo("BATCH");
        assertThat(start.tag("label")).isEqualTo("many");
        assertThat(start.param(1)).isEqualTo("labeled-response");
        String id = start.param(0).substring(1);
        List<IrcMessage> inside = lines.subList(1, lines.size() - 1);
        assertThat(inside).isNotEmpty().allMatch(m -> id.equals(m.tag("batch")));
        assertThat(inside)
                .anyMatch(Lines.numeric(Numeric.RPL_WHOISUSER))
                .anyMatch(Lines.numeric(Numeric.RPL_ENDOFWHOIS));
        assertThat(lines.get(lines.size() - 1).param(0)).isEqualTo("-" + id);
    }

    @Test
    void labeledResponseAcknowledgesACommandWithNoReply() {
        RawIrcClient client = capUser("labeler", "labeled-response", "batch");
        client.send("@label=quiet PONG :nothing");
        IrcMessage ack = client.expect(Lines.command("ACK"));
        assertThat(ack.tag("label")).isEqualTo("quiet");
    }

    @Test
    void multiPrefixAndUserhostInNamesShowEveryPrefixAndFullMasks() {
        RawIrcClient alice = server.user("alice");
        alice.join("#room");
        alice.send("MODE #room +v alice");
        alice.expect(Lines.commandWithParams("MODE", "#room", "+v", "alice"));
        RawIrcClient viewer = capUser("viewer", "multi-prefix", "userhost-in-names");
        RawIrcClient plain = server.user("plain");

        viewer.send("NAMES #room");
        plain.send("NAMES #room");

        assertThat(viewer.expect(Numeric.RPL_NAMREPLY).lastParam()).isEqualTo("@+alice!alice@127.0.0.1");
        assertThat(plain.expect(Numeric.RPL_NAMREPLY).lastParam()).isEqualTo("@alice");
    }

    @Test
    void extendedJoinShowsTheAccountAndRealname() {
        RawIrcClient watcher = capUser("watcher", "extended-join");
        watcher.join("#room");

        server.user("guest").join("#room");
        IrcMessage guestJoin = watcher.expect(Lines.joinOf("guest", "#room"));
        assertThat(guestJoin.params()).containsExactly("#room", "*", "guest (Parley testkit)");

        server.admin().join("#room");
        IrcMessage adminJoin = watcher.expect(Lines.joinOf("admin", "#room"));
        assertThat(adminJoin.params()).containsExactly("#room", "admin", "admin (Parley testkit)");
    }

    @Test
    void awayNotifyTellsRoomMatesWhoAskedForIt() {
        RawIrcClient alice = server.user("alice");
        RawIrcClient notified = capUser("notified", "away-notify");
        RawIrcClient plain = server.user("plain");
        for (RawIrcClient client : List.of(alice, notified, plain)) {
            client.join("#room");
        }

        alice.send("AWAY :at lunch");
        alice.expect(Numeric.RPL_NOWAWAY);
        IrcMessage away = notified.expect(Lines.commandWithParams("AWAY", "at lunch"));
        assertThat(Lines.from("alice").test(away)).isTrue();
        alice.send("AWAY");
        notified.expect(Lines.described(
                "AWAY with no text from alice",
                m -> m.verb().equals("AWAY")
                        && m.params().isEmpty()
                        && Lines.from("alice").test(m)));

        alice.send("PRIVMSG #room :marker");
        assertThat(plain.collectUntil(Lines.privmsgFrom("alice", "#room", "marker")))
                .noneMatch(Lines.command("AWAY"));
    }

    @Test
    void setnameIsBroadcastToRoomMatesWithTheCapability() {
        RawIrcClient alice = capUser("alice", "setname");
        RawIrcClient mate = capUser("mate", "setname");
        alice.join("#room");
        mate.join("#room");

        alice.send("SETNAME :Alice Liddell");

        alice.expect(Lines.commandWithParams("SETNAME", "Alice Liddell"));
        IrcMessage change = mate.expect(Lines.commandWithParams("SETNAME", "Alice Liddell"));
        assertThat(Lines.from("alice").test(change)).isTrue();
        mate.send("WHOIS alice");
        assertThat(mate.expect(Numeric.RPL_WHOISUSER).lastParam()).isEqualTo("Alice Liddell");
    }

    @Test
    void accountTagShowsTheAdminsAccountOnItsMessages() {
        RawIrcClient admin = server.admin();
        RawIrcClient reader = capUser("reader", "account-tag");
        admin.join("#room");
        reader.join("#room");

        admin.send("PRIVMSG #room :from the admin");

        IrcMessage message = reader.expect(Lines.privmsgFrom("admin", "#room", "from the admin"));
        assertThat(message.tag("account")).isEqualTo("admin");
    }

    private RawIrcClient capUser(String nick, String... caps) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, PASSWORD, caps);
        return client;
    }

    private static Predicate<IrcMessage> finalCapLs() {
        return Lines.described(
                "the final CAP LS line",
                m -> m.verb().equals("CAP") && "LS".equals(m.param(1)) && !"*".equals(m.param(2)));
    }
}
