package dev.parley.server.it;

import static dev.parley.server.it.ClusterServices.accountHolder;
import static dev.parley.server.it.ClusterServices.registerAccount;
import static dev.parley.server.it.ClusterServices.sentWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Room membership and room state across nodes: members on every node see each other's JOIN, PART,
 * QUIT and NICK; NAMES, WHO, WHOIS, LIST and LUSERS on one node count the members of another; a
 * TOPIC or MODE set on one node holds on the others; a lost node's users QUIT elsewhere within the
 * lease. Nodes in-process on MariaDB and the local Redis.
 */
class ClusterMembershipIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @Test
    void joinPartQuitAndNickOnOneNodeAreSeenByMembersOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient bob = b.user("bob");
            bob.join("#room");
            bob.join("#two");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#two") == 1);
            RawIrcClient alice = a.user("alice");

            alice.join("#room");
            bob.expect(Lines.joinOf("alice", "#room"));
            alice.join("#two");
            bob.expect(Lines.joinOf("alice", "#two"));
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#two") == 2);

            bob.send("PART #two :later");
            alice.expect(Lines.commandWithParams("PART", "#two"));
            bob.join("#two");
            alice.expect(Lines.joinOf("bob", "#two"));

            alice.send("NICK alicia");
            IrcMessage nick = bob.expect(Lines.command("NICK"));
            assertThat(nick.source()).startsWith("alice!");
            assertThat(nick.lastParam()).isEqualTo("alicia");

            alice.send("PART #room :bye room");
            IrcMessage part = bob.expect(Lines.commandWithParams("PART", "#room"));
            assertThat(part.source()).startsWith("alicia!");
            assertThat(part.lastParam()).isEqualTo("bye room");
            alice.join("#room");
            bob.expect(Lines.joinOf("alicia", "#room"));

            alice.send("QUIT :gone home");
            IrcMessage quit = bob.expect(Lines.command("QUIT"));
            assertThat(quit.source()).startsWith("alicia!");
            assertThat(quit.lastParam()).isEqualTo("Quit: gone home");
            bob.assertNothingMatching(Lines.command("QUIT"), Duration.ofMillis(300));
        }
    }

    @Test
    void namesWhoWhoisListAndLusersOnOneNodeCountAMemberOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#room");
            alice.send("AWAY :lunch");
            alice.expect(Numeric.RPL_NOWAWAY);
            RawIrcClient bob = b.user("bob");
            bob.join("#room"); // B fetches the room's members on A from Redis

            await().atMost(AT_ONCE).until(() -> names(bob, "#room").contains("@alice"));
            assertThat(names(bob, "#room")).contains("bob");

            bob.send("WHO #room");
            List<IrcMessage> who = bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO));
            assertThat(who.stream().filter(Lines.numeric(Numeric.RPL_WHOREPLY)).map(m -> m.param(5)))
                    .containsExactlyInAnyOrder("alice", "bob");
            assertThat(who.stream()
                            .filter(m -> Lines.numeric(Numeric.RPL_WHOREPLY).test(m)
                                    && m.param(5).equals("alice"))
                            .map(m -> m.param(6)))
                    .containsExactly("G@");

            bob.send("WHOIS alice");
            List<IrcMessage> whois = bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHOIS));
            assertThat(whois)
                    .anyMatch(m -> Lines.numeric(Numeric.RPL_WHOISCHANNELS).test(m)
                            && m.lastParam().equals("@#room"));
            assertThat(whois)
                    .anyMatch(m -> Lines.numeric(Numeric.RPL_AWAY).test(m)
                            && m.lastParam().equals("lunch"));

            bob.send("LIST #room");
            IrcMessage listed = bob.expect(Numeric.RPL_LIST);
            assertThat(listed.param(2)).isEqualTo("2");

            bob.send("LUSERS");
            IrcMessage global = bob.expect(Numeric.RPL_GLOBALUSERS);
            assertThat(global.param(1)).isEqualTo("2");
        }
    }

    @Test
    void anInvisibleMemberOnOneNodeIsListedOnAnotherOnlyToThoseSharingTheRoom() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.send("MODE alice +i");
            alice.expect(Lines.commandWithParams("MODE", "alice", "+i"));
            alice.join("#room");
            RawIrcClient carol = a.user("carol");
            carol.join("#room");
            RawIrcClient dave = b.user("dave");
            dave.join("#room");
            RawIrcClient bob = b.user("bob"); // on B, not in #room
            await().atMost(AT_ONCE).until(() -> names(dave, "#room").contains("@alice"));

            assertThat(names(bob, "#room")).contains("carol", "dave").doesNotContain("alice");
            assertThat(whoNicks(bob, "#room")).containsExactlyInAnyOrder("carol", "dave");

            alice.send("MODE alice -i");
            alice.expect(Lines.commandWithParams("MODE", "alice", "-i"));
            await().atMost(AT_ONCE).until(() -> names(bob, "#room").contains("alice"));
        }
    }

    @Test
    void whoxAndWhoByMaskOnOneNodeListAMemberOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            registerAccount(alice, "wonderland7");
            alice.join("#room");
            RawIrcClient bob = b.user("bob");
            bob.join("#room");
            await().atMost(AT_ONCE).until(() -> names(bob, "#room").contains("@alice"));

            bob.send("WHO #room %tcnfa,42");
            List<IrcMessage> whox = bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO));
            assertThat(whox.stream()
                            .filter(Lines.numeric(Numeric.RPL_WHOSPCRPL))
                            .map(m -> String.join(
                                    " ", m.params().subList(1, m.params().size()))))
                    .containsExactlyInAnyOrder("42 #room alice H@ alice", "42 #room bob H 0");

            bob.send("WHO ali* %tna,7");
            List<IrcMessage> byMask = bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO));
            assertThat(byMask.stream()
                            .filter(Lines.numeric(Numeric.RPL_WHOSPCRPL))
                            .map(m -> String.join(
                                    " ", m.params().subList(1, m.params().size()))))
                    .containsExactly("7 alice alice");

            assertThat(whoNicks(bob, "*!*@*")).containsExactlyInAnyOrder("alice", "bob");
        }
    }

    @Test
    void namesAndWhoOnOneNodeListARoomThatLivesOnlyOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#Far");
            RawIrcClient carol = a.user("carol");
            carol.send("MODE carol +i");
            carol.expect(Lines.commandWithParams("MODE", "carol", "+i"));
            carol.join("#far");
            alice.join("#hidden");
            alice.send("MODE #hidden +s");
            alice.expect(Lines.commandWithParams("MODE", "#hidden", "+s"));
            RawIrcClient bob = b.user("bob"); // no member of these rooms on B

            bob.send("NAMES #far");
            List<IrcMessage> names = bob.collectUntil(Lines.endOfNames("#Far"));
            assertThat(names.stream()
                            .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                            .map(IrcMessage::lastParam))
                    .containsExactly("@alice");
            assertThat(whoNicks(bob, "#far")).containsExactly("alice");
            assertThat(names(bob, "#hidden")).isEmpty();
            assertThat(names(bob, "#nowhere")).isEmpty();
        }
    }

    @Test
    void whoisOnOneNodeFindsAUserOfAnotherWhoSharesNoRoom() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            registerAccount(alice, "wonderland7");
            alice.send("AWAY :lunch");
            alice.expect(Numeric.RPL_NOWAWAY);
            RawIrcClient bob = b.user("bob"); // in no room with alice

            await().atMost(AT_ONCE).until(() -> whois(bob, "ALICE").stream().anyMatch(Lines.numeric(Numeric.RPL_AWAY)));
            List<IrcMessage> whois = whois(bob, "alice");
            assertThat(whois)
                    .anyMatch(m -> Lines.numeric(Numeric.RPL_WHOISUSER).test(m)
                            && m.params().subList(1, 4).equals(List.of("alice", "alice", "127.0.0.1")));
            assertThat(whois)
                    .anyMatch(m -> Lines.numeric(Numeric.RPL_WHOISACCOUNT).test(m)
                            && m.param(2).equals("alice"));
            assertThat(whois)
                    .anyMatch(m -> Lines.numeric(Numeric.RPL_AWAY).test(m)
                            && m.lastParam().equals("lunch"));
            assertThat(whois).noneMatch(Lines.numeric(Numeric.ERR_NOSUCHNICK));

            alice.send("NICK alicia");
            alice.expect(Lines.command("NICK"));
            await().atMost(AT_ONCE)
                    .until(() -> whois(bob, "alicia").stream().anyMatch(Lines.numeric(Numeric.RPL_WHOISUSER)));
            assertThat(whois(bob, "alice")).anyMatch(Lines.numeric(Numeric.ERR_NOSUCHNICK));

            alice.send("QUIT");
            await().atMost(AT_ONCE)
                    .until(() -> whois(bob, "alicia").stream().anyMatch(Lines.numeric(Numeric.ERR_NOSUCHNICK)));
        }
    }

    /** The nicks of the asker's WHO {@code mask} (352 lines). */
    private static List<String> whoNicks(RawIrcClient asker, String mask) {
        asker.send("WHO " + mask);
        return asker.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO)).stream()
                .filter(Lines.numeric(Numeric.RPL_WHOREPLY))
                .map(m -> m.param(5))
                .toList();
    }

    private static List<IrcMessage> whois(RawIrcClient asker, String nick) {
        asker.send("WHOIS " + nick);
        return asker.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHOIS));
    }

    @Test
    void awayAndRealNameChangesOnOneNodeReachRoomMatesOnAnotherThatAskedForThemAndAnswerTheirMessages()
            throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient bob = b.connect();
            bob.registerWithCaps("bob", "chat@123", "away-notify", "setname");
            bob.join("#room");
            bob.join("#two");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#two") == 1);
            RawIrcClient alice = a.user("alice");
            alice.join("#room");
            alice.join("#two");
            bob.expect(Lines.joinOf("alice", "#two"));

            alice.send("AWAY :lunch");
            alice.send("SETNAME :Alice Liddell");

            IrcMessage away = bob.expect(Lines.command("AWAY"));
            assertThat(away.source()).startsWith("alice!");
            assertThat(away.lastParam()).isEqualTo("lunch");
            assertThat(bob.expect(Lines.command("SETNAME")).lastParam()).isEqualTo("Alice Liddell");
            bob.assertNothingMatching(Lines.command("AWAY"), Duration.ofMillis(300));
            bob.send("WHOIS alice");
            assertThat(bob.expect(Numeric.RPL_WHOISUSER).lastParam()).isEqualTo("Alice Liddell");

            bob.send("PRIVMSG alice :are you there?");
            IrcMessage rplAway = bob.expect(Numeric.RPL_AWAY);
            assertThat(rplAway.params().subList(1, 3)).containsExactly("alice", "lunch");
        }
    }

    @Test
    void aTopicAndModesSetOnOneNodeHoldOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice"); // the room's operator on A
            alice.join("#room");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#room") == 1);
            RawIrcClient carol = b.user("carol"); // first on B, yet no operator: the room lives on A
            carol.join("#room");
            RawIrcClient bob = b.user("bob");
            bob.join("#room");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#room") == 2);
            alice.expect(Lines.joinOf("bob", "#room"));

            alice.send("TOPIC #room :release on friday");
            alice.send("MODE #room +mb spam!*@*");
            IrcMessage mode = bob.expect(Lines.command("MODE"));
            assertThat(mode.params()).containsExactly("#room", "+mb", "spam!*@*");

            bob.send("TOPIC #room");
            assertThat(bob.expect(Numeric.RPL_TOPIC).lastParam()).isEqualTo("release on friday");
            bob.send("MODE #room");
            assertThat(bob.expect(Numeric.RPL_CHANNELMODEIS).param(2)).contains("m");
            bob.send("MODE #room b");
            assertThat(bob.expect(Numeric.RPL_BANLIST).param(2)).isEqualTo("spam!*@*");
            bob.send("PRIVMSG #room :can I speak?");
            bob.expect(Numeric.ERR_CANNOTSENDTOCHAN);

            alice.send("MODE #room +v bob");
            bob.expect(Lines.commandWithParams("MODE", "#room", "+v", "bob"));
            bob.send("PRIVMSG #room :now I can");
            alice.expect(Lines.privmsgFrom("bob", "#room", "now I can"));
            await().atMost(AT_ONCE).until(() -> names(alice, "#room").contains("+bob"));
        }
    }

    @Test
    void listOnOneNodeShowsRoomsThatLiveOnlyOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#Lonely");
            alice.send("TOPIC #Lonely :only on A");
            alice.expect(Lines.command("TOPIC"));
            RawIrcClient carol = a.user("carol");
            carol.join("#lonely");
            alice.join("#hidden");
            alice.send("MODE #hidden +s");
            alice.expect(Lines.commandWithParams("MODE", "#hidden", "+s"));
            RawIrcClient bob = b.user("bob"); // in no room: nothing of these is open on B
            bob.join("#bobs");

            Map<String, IrcMessage> all = listed(bob, "LIST");
            assertThat(all).containsOnlyKeys("#Lonely", "#bobs");
            assertThat(all.get("#Lonely").params().subList(2, 4)).containsExactly("2", "only on A");
            assertThat(listed(bob, "LIST #LONELY,#hidden,#nowhere")).containsOnlyKeys("#Lonely");

            alice.send("PART #lonely");
            carol.send("PART #lonely");
            carol.expect(Lines.command("PART"));
            await().atMost(AT_ONCE).until(() -> !listed(bob, "LIST").containsKey("#Lonely"));
            assertThat(services.redisHash("rooms")).doesNotContainKey("#lonely");
        }
    }

    private static Map<String, IrcMessage> listed(RawIrcClient asker, String list) {
        asker.send(list);
        Map<String, IrcMessage> rooms = new LinkedHashMap<>();
        asker.collectUntil(Lines.numeric(Numeric.RPL_LISTEND)).stream()
                .filter(Lines.numeric(Numeric.RPL_LIST))
                .forEach(line -> rooms.put(line.param(1), line));
        return rooms;
    }

    @Test
    void anInvitationOnOneNodeLetsAUserOfAnotherIntoAnInviteOnlyRoom() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice"); // the room's operator on A
            alice.join("#club");
            alice.send("MODE #club +i");
            alice.expect(Lines.commandWithParams("MODE", "#club", "+i"));
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#club") == 1);
            RawIrcClient bob = b.user("bob");
            bob.send("JOIN #club");
            bob.expect(Numeric.ERR_INVITEONLYCHAN);

            await().atMost(AT_ONCE).until(() -> sentWithout(alice, "INVITE Bob #club", Numeric.ERR_NOSUCHNICK));
            IrcMessage invite = bob.expect(Lines.command("INVITE"));
            assertThat(invite.source()).startsWith("alice!");
            assertThat(invite.params()).containsExactly("Bob", "#club");
            bob.join("#club"); // the room opens on B with the invitation in its state
            alice.expect(Lines.joinOf("bob", "#club"));

            RawIrcClient dave = b.user("dave"); // the room is open on B now: the invitation goes to it
            await().atMost(AT_ONCE).until(() -> sentWithout(alice, "INVITE dave #club", Numeric.ERR_NOSUCHNICK));
            dave.expect(Lines.command("INVITE"));
            dave.join("#club");
            alice.expect(Lines.joinOf("dave", "#club"));

            alice.send("INVITE bob #club");
            alice.expect(Numeric.ERR_USERONCHANNEL);
        }
    }

    @Test
    void aRoomsLimitCountsItsMembersOnEveryNode() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#small");
            RawIrcClient carol = a.user("carol");
            carol.join("#small");
            alice.send("MODE #small +l 2");
            alice.expect(Lines.commandWithParams("MODE", "#small", "+l", "2"));
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#small") == 1);

            RawIrcClient bob = b.user("bob");
            bob.send("JOIN #small");
            bob.expect(Numeric.ERR_CHANNELISFULL);

            carol.send("PART #small");
            carol.expect(Lines.command("PART"));
            await().atMost(AT_ONCE).until(() -> sentWithout(bob, "JOIN #small", Numeric.ERR_CHANNELISFULL));
            alice.expect(Lines.joinOf("bob", "#small"));
        }
    }

    @Test
    void aRoomOpeningOnAnotherNodeTakesOnItsStateAndGivesItsFirstMemberThereNoOperatorStatus() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#room");
            alice.send("TOPIC #room :only invited guests");
            alice.send("MODE #room +mkb sesame spam!*@*");
            alice.expect(Lines.commandWithParams("MODE", "#room", "+mkb"));
            RawIrcClient bob = b.user("bob");

            bob.send("JOIN #room");
            bob.expect(Numeric.ERR_BADCHANNELKEY);
            bob.send("JOIN #room sesame");
            assertThat(bob.expect(Numeric.RPL_TOPIC).lastParam()).isEqualTo("only invited guests");
            String names = bob.collectUntil(Lines.endOfNames("#room")).stream()
                    .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                    .map(IrcMessage::lastParam)
                    .collect(Collectors.joining(" "));

            assertThat(List.of(names.split(" "))).contains("bob").doesNotContain("@bob");
            bob.send("MODE #room b");
            assertThat(bob.expect(Numeric.RPL_BANLIST).param(2)).isEqualTo("spam!*@*");
            bob.send("PRIVMSG #room :may I?");
            bob.expect(Numeric.ERR_CANNOTSENDTOCHAN);
            bob.send("MODE #room -m");
            bob.expect(Numeric.ERR_CHANOPRIVSNEEDED);
        }
    }

    @Test
    void aLostNodesUsersQuitOnTheOthersWithinTheLease() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestServer a = services.node("a", "redis://127.0.0.1:" + proxy.port(), LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#room");
            RawIrcClient bob = b.user("bob");
            bob.join("#room");
            await().atMost(AT_ONCE).until(() -> names(bob, "#room").contains("alice"));

            proxy.cut(); // node A falls silent, as if it died: no QUIT, no cleanup

            IrcMessage quit = bob.withTimeout(LEASE.plusSeconds(3)).expect(Lines.command("QUIT"));
            assertThat(quit.source()).startsWith("alice!");
            assertThat(quit.lastParam()).isEqualTo("Node lost");
            assertThat(names(bob, "#room")).doesNotContain("alice");

            proxy.restore(); // A is back: its members join their rooms again for the others

            bob.withTimeout(Duration.ofSeconds(10)).expect(Lines.joinOf("alice", "#room"));
            await().atMost(AT_ONCE).until(() -> names(bob, "#room").contains("alice"));
        }
    }

    @Test
    void anAlwaysOnAccountANodeBringsBackAtStartIsInItsRoomsForTheOtherNodes() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE, ClusterMembershipIT::alwaysOn);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alys = accountHolder(a, "alys", "wonderland7"); // her account's presence
            alys.join("#room");
            RawIrcClient carol = b.user("carol");
            carol.join("#room");
            await().atMost(AT_ONCE).until(() -> names(carol, "#room").contains("alys"));
            alys.send("QUIT :off to bed"); // always-on: she stays in #room, away
            carol.assertNothingMatching(Lines.command("QUIT"), Duration.ofMillis(500));
            assertThat(names(carol, "#room")).contains("alys");

            carol.send("PART #room");
            carol.expect(Lines.command("PART"));

            a.stop(); // alys's presence is kept in the database, and in #room's Redis hash
            await().atMost(LEASE.plusSeconds(5)).until(() -> !services.nodeAlive("a"));
            carol.join("#room"); // #room opens on B: a record of a node that is not alive is not listed
            assertThat(names(carol, "#room")).doesNotContain("alys");

            a.startAgain(); // brings alys back into #room at start: B hears of it

            IrcMessage join = carol.withTimeout(AT_ONCE.plusSeconds(5)).expect(Lines.command("JOIN"));
            assertThat(join.source()).startsWith("alys!");
            assertThat(names(carol, "#room")).contains("@alys"); // she founded #room: its operator wherever she is
            RawIrcClient dave = a.user("dave");
            dave.join("#room");
            assertThat(names(dave, "#room")).contains("carol", "alys");
        }
    }

    private static ParleyConfig alwaysOn(ParleyConfig c) {
        AccountsConfig accounts = c.accounts();
        return c.withAccounts(new AccountsConfig(
                accounts.registration(),
                accounts.bcryptCost(),
                accounts.minPasswordLength(),
                accounts.loginAttempts(),
                accounts.loginWindow(),
                accounts.registrationsPerIp(),
                accounts.registrationWindow(),
                true,
                true));
    }

    @Test
    void monitorOnOneNodeHearsANickComeAndGoOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient carol = b.user("carol");
            carol.send("MONITOR + dora");
            carol.expect(Numeric.RPL_MONOFFLINE);

            RawIrcClient dora = a.user("dora");

            assertThat(carol.expect(Numeric.RPL_MONONLINE).lastParam()).isEqualToIgnoringCase("dora");
            carol.send("MONITOR S");
            assertThat(carol.expect(Numeric.RPL_MONONLINE).lastParam()).isEqualToIgnoringCase("dora");
            dora.send("QUIT :bye");
            assertThat(carol.expect(Numeric.RPL_MONOFFLINE).lastParam()).isEqualToIgnoringCase("dora");
        }
    }

    /** The nicks (with prefixes) NAMES lists for the room. */
    private static String names(RawIrcClient asker, String room) {
        asker.send("NAMES " + room);
        return asker.collectUntil(Lines.endOfNames(room)).stream()
                .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                .map(IrcMessage::lastParam)
                .collect(Collectors.joining(" "));
    }
}
