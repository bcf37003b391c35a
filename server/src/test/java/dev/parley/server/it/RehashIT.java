package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static dev.parley.server.it.ChatHistory.historyClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REHASH over IRC against a server started from a YAML file: the file is edited, an operator asks
 * for REHASH, and the new behaviour is observed over sockets; what needs a restart is refused with
 * a line and keeps its running value; an invalid file changes nothing.
 */
class RehashIT {

    private static final String SEED_PASSWORD = "chat@123";

    @TempDir
    Path dir;

    private Path file;
    private final Map<String, String> settings = new LinkedHashMap<>();

    @BeforeEach
    void baseSettings() {
        file = dir.resolve("parley.yaml");
        settings.put("server.listen", "[127.0.0.1:0]");
        settings.put("server.motd", "[\"First edition of the news\"]");
        settings.put("http.listen", "[]");
        settings.put("storage.data-dir", "\"" + dir.resolve("data") + "\"");
        settings.put("accounts.bcrypt-cost", "4");
        settings.put("auth.operators", "[{name: ops, password: first-password-1}]");
        settings.put("limits.flood.burst", "50");
        settings.put("limits.flood.lines-per-second", "50");
    }

    @Test
    void aNewMotdReachesTheNextClientAndAnyoneWhoAsks() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();

            settings.put("server.motd", "[\"Second edition of the news\"]");
            List<String> notices = rehash(admin);

            assertThat(notices).contains("Configuration reloaded; applied: server.motd");
            List<IrcMessage> welcome = server.connect().register("newcomer", SEED_PASSWORD);
            assertThat(welcome)
                    .anySatisfy(m -> assertThat(m.lastParam()).contains("Second edition of the news"))
                    .noneSatisfy(m -> assertThat(m.lastParam()).contains("First edition"));
            admin.send("MOTD");
            assertThat(admin.expect(Numeric.RPL_MOTD).lastParam()).contains("Second edition of the news");
        }
    }

    @Test
    void aLowerFloodLimitSlowsAConnectedClientDown() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient alice = server.user("alice");
            alice.send("PING before");
            alice.expect(pong("before"));

            settings.put("limits.flood.burst", "1");
            settings.put("limits.flood.lines-per-second", "0.25");
            assertThat(rehash(admin))
                    .contains("Configuration reloaded; applied: limits.flood.burst, limits.flood.lines-per-second");

            alice.send("PING one");
            alice.send("PING two");
            alice.send("PING three");
            alice.expect(pong("one"));
            // A PING costs half a token: the bucket of one holds "one" and "two", then a quarter of a
            // token a second makes "three" wait two seconds.
            alice.assertNothingMatching(pong("three"), Duration.ofSeconds(1));
            alice.withTimeout(Duration.ofSeconds(10)).expect(pong("three"));
        }
    }

    @Test
    void aChangedOperatorPasswordIsTheOneOperAccepts() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient bob = server.user("bob");

            settings.put("auth.operators", "[{name: ops, password: second-password-2}]");
            assertThat(rehash(admin)).contains("Configuration reloaded; applied: auth.operators");

            bob.send("OPER ops first-password-1");
            bob.expect(Numeric.ERR_PASSWDMISMATCH);
            bob.send("OPER ops second-password-2");
            bob.expect(Numeric.RPL_YOUREOPER);
        }
    }

    @Test
    void aNewServerPasswordIsAskedOfTheNextConnection() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();

            settings.put("auth.server-password", "a-new-door-7");
            List<String> notices = rehash(admin);

            assertThat(notices).contains("Configuration reloaded; applied: auth.server-password");
            assertThat(String.join("\n", notices)).doesNotContain("a-new-door-7");
            RawIrcClient old = server.connect();
            old.send("PASS " + SEED_PASSWORD);
            old.send("NICK oldpass");
            old.send("USER oldpass 0 * :Old");
            old.expect(Numeric.ERR_PASSWDMISMATCH);
            List<IrcMessage> welcome = server.connect().register("newpass", "a-new-door-7");
            assertThat(welcome).anySatisfy(m -> assertThat(m.verb()).isEqualTo(Numeric.RPL_WELCOME.code()));
        }
    }

    @Test
    void retentionSwitchedOnByAReloadTrimsTheHistory() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = historyClient(server, "bob");
            alice.join("#news");
            bob.join("#news");
            for (int i = 1; i <= 5; i++) {
                alice.send("PRIVMSG #news :item " + i);
                bob.expect(Lines.privmsgFrom("alice", "#news", "item " + i));
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(ask(bob, "LATEST #news * 100").lines()).hasSize(5));

            settings.put("history.retention.max-messages", "2");
            settings.put("history.retention.interval", "1s");
            assertThat(rehash(admin))
                    .contains("Configuration reloaded; applied: history.retention.max-messages, "
                            + "history.retention.interval");

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() ->
                            assertThat(ask(bob, "LATEST #news * 100").lines()).hasSize(2));
        }
    }

    @Test
    void anInvalidFileChangesNothingAndSaysWhy() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();

            settings.put("server.motd", "[\"Half-edited news\"]");
            settings.put("limits.flood.burst", "-3");
            List<String> notices = rehash(admin);

            assertThat(notices.get(0)).startsWith("Configuration not reloaded: 1 problem");
            assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("limits.flood.burst:"));
            assertThat(server.server().liveConfig()).isEqualTo(server.config());
            admin.send("MOTD");
            assertThat(admin.expect(Numeric.RPL_MOTD).lastParam()).contains("First edition of the news");
        }
    }

    @Test
    void aNewListenAddressOrDatabaseIsRefusedAndTheServerKeepsItsPort() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            InetSocketAddress before = server.address();

            settings.put("server.listen", "[127.0.0.1:1]");
            settings.put("storage.database-url", "\"jdbc:postgresql://127.0.0.1:5432/elsewhere\"");
            settings.put("server.motd", "[\"Moved? No.\"]");
            List<String> notices = rehash(admin);

            assertThat(notices)
                    .contains(
                            "Configuration reloaded; applied: server.motd",
                            "server.listen changed: needs a restart; the running value stays",
                            "storage.database-url changed: needs a restart; the running value stays");
            assertThat(server.server().boundAddresses()).containsExactly(before);
            assertThat(server.server().liveConfig().storage().databaseUrl()).isEmpty();
            List<IrcMessage> welcome = server.connect().register("stillhere", SEED_PASSWORD);
            assertThat(welcome).anySatisfy(m -> assertThat(m.lastParam()).contains("Moved? No."));
        }
    }

    @Test
    void aShorterTopicLimitTruncatesTheNextTopic() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient alice = server.user("alice");
            alice.join("#room");

            settings.put("limits.topic-length", "12");
            assertThat(rehash(admin)).contains("Configuration reloaded; applied: limits.topic-length");

            alice.send("TOPIC #room :a topic much longer than twelve");
            assertThat(alice.expectCommand("TOPIC").lastParam()).isEqualTo("a topic much");
        }
    }

    @Test
    void registrationSwitchedOffIsRefusedAndNoLongerOffered() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient alice = server.user("alice");

            settings.put("accounts.registration", "off");
            assertThat(rehash(admin)).contains("Configuration reloaded; applied: accounts.registration");

            alice.send("REGISTER * * :a-fine-long-password");
            assertThat(alice.expect(Lines.commandWithParams("FAIL", "REGISTER")).param(1))
                    .isEqualTo("TEMPORARILY_UNAVAILABLE");
            alice.send("CAP LS 302");
            String offered = alice
                    .collectUntil(Lines.described(
                            "the last CAP LS line",
                            m -> m.verb().equals("CAP") && !m.params().contains("*")))
                    .stream()
                    .filter(Lines.command("CAP"))
                    .map(IrcMessage::lastParam)
                    .collect(java.util.stream.Collectors.joining(" "));
            assertThat(offered).contains("sasl").doesNotContain("account-registration");
        }
    }

    @Test
    void aLowerConnectionLimitRefusesTheNextConnectionAndKeepsTheOpenOnes() throws Exception {
        settings.put("limits.connections.exempt-loopback", "false");
        settings.put("limits.connections.max-per-ip", "10");
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();
            RawIrcClient alice = server.user("alice");
            server.user("bob");

            settings.put("limits.connections.max-per-ip", "3");
            assertThat(rehash(admin)).contains("Configuration reloaded; applied: limits.connections.max-per-ip");

            RawIrcClient fourth = server.connect();
            assertThat(fourth.expectCommand("ERROR").lastParam()).contains("Too many connections");
            alice.send("PING still-here");
            alice.expect(pong("still-here"));
        }
    }

    @Test
    void aPingIntervalSetByAReloadPingsTheNextConnection() throws Exception {
        settings.put("limits.ping-interval", "0");
        try (TestServer server = start()) {
            RawIrcClient admin = server.admin();

            settings.put("limits.ping-interval", "1s");
            assertThat(rehash(admin)).contains("Configuration reloaded; applied: limits.ping-interval");

            RawIrcClient quiet = server.user("quiet");
            quiet.expectCommand("PING");
            quiet.send("PONG :back");
            quiet.send("PING still-here");
            quiet.expect(pong("still-here"));
        }
    }

    @Test
    void onlyAnOperatorMayRehash() throws Exception {
        try (TestServer server = start()) {
            RawIrcClient bob = server.user("bob");
            settings.put("server.motd", "[\"Not from bob\"]");
            write();

            bob.send("REHASH");

            bob.expect(Numeric.ERR_NOPRIVILEGES);
            assertThat(server.server().liveConfig()).isEqualTo(server.config());
        }
    }

    private TestServer start() throws Exception {
        write();
        return TestServer.startFromFile(file);
    }

    /** Writes the settings, asks for REHASH and returns the NOTICE lines that answer it. */
    private List<String> rehash(RawIrcClient operator) throws IOException {
        write();
        operator.send("REHASH");
        operator.expect(Numeric.RPL_REHASHING);
        return operator
                .collectUntil(Lines.described(
                        "the TLS line that ends a REHASH reply",
                        m -> m.verb().equals("NOTICE") && m.lastParam().startsWith("TLS")))
                .stream()
                .filter(Lines.command("NOTICE"))
                .map(IrcMessage::lastParam)
                .toList();
    }

    /** The settings as nested YAML, one flow value per key. */
    private void write() throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        settings.forEach((path, value) -> put(tree, path.split("\\."), value));
        StringBuilder yaml = new StringBuilder();
        render(yaml, tree, 0);
        Files.writeString(file, yaml);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void render(StringBuilder yaml, Map<String, Object> node, int depth) {
        node.forEach((key, value) -> {
            yaml.append("  ".repeat(depth)).append(key).append(':');
            if (value instanceof Map<?, ?> section) {
                yaml.append('\n');
                render(yaml, (Map<String, Object>) section, depth + 1);
            } else {
                yaml.append(' ').append(value).append('\n');
            }
        });
    }

    private static Predicate<IrcMessage> pong(String token) {
        return Lines.described("PONG " + token, m -> m.verb().equals("PONG") && token.equals(m.lastParam()));
    }
}
