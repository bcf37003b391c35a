package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.session.Caps;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply uses only the capabilities the client enabled (issue 16, defect 13). Every verb of the
 * command table is sent, plain and labeled, by a client that enabled every offered capability but
 * {@code batch}: no BATCH line and no {@code batch} tag may reach it. The same samples from a client
 * with {@code batch} must give well-formed batches of every type the server opens, which shows the
 * samples do reach each batch path. A verb added to the table without samples here fails the test.
 */
class BatchOnlyWhenEnabledIT {

    private static final String PASSWORD = "chat@123";
    private static final String LATER = "timestamp=2036-01-01T00:00:00.000Z";
    private static final String EARLIER = "timestamp=2000-01-01T00:00:00.000Z";

    /** The batch types Parley opens; the batch-capable client must meet each one through the samples. */
    private static final Set<String> BATCH_TYPES = Set.of(
            "chathistory",
            "draft/chathistory-targets",
            "metadata",
            "metadata-subs",
            "labeled-response",
            "draft/multiline");

    /**
     * Lines per verb that reach its reply paths, sent in order. {@code {me}} is the sender's nick,
     * {@code {room}} a room it made (so it is operator there), {@code {victim}} a user it may KILL.
     */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("AUTHENTICATE", List.of("AUTHENTICATE PLAIN")),
            Map.entry("AWAY", List.of("AWAY :gone fishing", "AWAY")),
            Map.entry("BAN", List.of("BAN *!*@ban.example :go away")),
            // A sample of several lines goes out line by line (one multi-line message here).
            Map.entry(
                    "BATCH",
                    List.of(String.join(
                            "\n",
                            "BATCH +ml draft/multiline #room",
                            "@batch=ml PRIVMSG #room :first line",
                            "@batch=ml;draft/multiline-concat PRIVMSG #room :, continued",
                            "@batch=ml PRIVMSG #room :second line",
                            "BATCH -ml"))),
            Map.entry("BANS", List.of("BANS")),
            Map.entry("CAP", List.of("CAP LS 302", "CAP LIST")),
            Map.entry(
                    "CHATHISTORY",
                    List.of(
                            "CHATHISTORY LATEST #room * 50",
                            "CHATHISTORY LATEST alice * 50",
                            "CHATHISTORY BEFORE #room " + LATER + " 10",
                            "CHATHISTORY AFTER #room " + EARLIER + " 10",
                            "CHATHISTORY BETWEEN #room " + EARLIER + " " + LATER + " 10",
                            "CHATHISTORY TARGETS " + EARLIER + " " + LATER + " 20",
                            "CHATHISTORY LATEST #nowhere * 5")),
            Map.entry("HELP", List.of("HELP", "HELP PRIVMSG")),
            Map.entry("ALWAYSON", List.of("ALWAYSON", "ALWAYSON ON", "ALWAYSON OFF")),
            Map.entry("HELPOP", List.of("HELPOP", "HELPOP JOIN")),
            Map.entry("HISTORY", List.of("HISTORY #room 20", "HISTORY alice", "HISTORY #nowhere")),
            Map.entry("INFO", List.of("INFO")),
            Map.entry("INVITE", List.of("INVITE alice {room}")),
            Map.entry("ISON", List.of("ISON alice bob nobody")),
            Map.entry("JOIN", List.of("JOIN #other", "JOIN #room")),
            Map.entry("KICK", List.of("KICK {room} alice :out")),
            Map.entry("KILL", List.of("KILL {victim} :bye")),
            Map.entry("LIST", List.of("LIST", "LIST #room")),
            Map.entry("LUSERS", List.of("LUSERS")),
            Map.entry("MARKREAD", List.of("MARKREAD #room", "MARKREAD #room " + LATER)),
            Map.entry(
                    "METADATA",
                    List.of(
                            "METADATA * SET avatar :https://example.org/a.png",
                            "METADATA * SET display-name :Someone",
                            "METADATA * LIST",
                            "METADATA {me} GET avatar display-name",
                            "METADATA alice LIST",
                            "METADATA #room LIST",
                            "METADATA * SUB avatar display-name",
                            "METADATA * SUBS",
                            "METADATA * SYNC",
                            "METADATA * UNSUB avatar",
                            "METADATA * CLEAR")),
            Map.entry(
                    "MODE",
                    List.of(
                            "MODE #room",
                            "MODE {room} +b *!*@mode.example",
                            "MODE {room} +b",
                            "MODE {me} +i",
                            "MODE {room} +k secret")),
            Map.entry("MONITOR", List.of("MONITOR + alice,bob", "MONITOR L", "MONITOR S", "MONITOR - bob")),
            Map.entry("MOTD", List.of("MOTD")),
            Map.entry("NAMES", List.of("NAMES #room", "NAMES")),
            Map.entry("NICK", List.of("NICK {me}", "NICK alice")),
            Map.entry("NOTICE", List.of("NOTICE #room :hello", "NOTICE alice :hi")),
            Map.entry("OPER", List.of("OPER admin admin123")),
            Map.entry("PART", List.of("PART #other :bye")),
            Map.entry("PASS", List.of("PASS " + PASSWORD)),
            Map.entry("PING", List.of("PING :token")),
            Map.entry("PONG", List.of("PONG :token")),
            Map.entry(
                    "PRIVMSG",
                    List.of("PRIVMSG #room :hello", "PRIVMSG alice :hi", "@+draft/reply=abc PRIVMSG #room :a reply")),
            Map.entry("QUIT", List.of("QUIT :bye")),
            Map.entry("REDACT", List.of("REDACT #room nosuchmsgid :oops")),
            Map.entry("SEARCH", List.of("SEARCH text=hello;in=#room", "SEARCH from=alice;limit=5")),
            Map.entry("REGISTER", List.of("REGISTER * someone@example.org :a long enough password")),
            Map.entry("REHASH", List.of("REHASH")),
            Map.entry("SETNAME", List.of("SETNAME :A New Name")),
            Map.entry("TAGMSG", List.of("@+typing=active TAGMSG #room", "@+draft/react=x TAGMSG alice")),
            Map.entry("TIME", List.of("TIME")),
            Map.entry("TOPIC", List.of("TOPIC {room} :new topic", "TOPIC #room")),
            Map.entry("UNBAN", List.of("UNBAN *!*@ban.example")),
            Map.entry("USER", List.of("USER u 0 * :Real Name")),
            Map.entry("USERHOST", List.of("USERHOST alice bob")),
            Map.entry("VERIFY", List.of("VERIFY {me} 123456")),
            Map.entry("VERSION", List.of("VERSION")),
            Map.entry("WALLOPS", List.of("WALLOPS :hi all")),
            Map.entry("WHO", List.of("WHO #room", "WHO alice %tcuhnfar,42")),
            Map.entry("WHOIS", List.of("WHOIS alice", "WHOIS nobody")),
            Map.entry("WHOWAS", List.of("WHOWAS {victim}")));

    private TestServer server;
    private int syncs;

    @BeforeEach
    void start() {
        server = TestServer.start(TestLimits.noFlood());
        RawIrcClient alice = server.connect();
        alice.registerWithCaps("alice", PASSWORD, "batch", "server-time", "message-tags", "draft/metadata-3");
        alice.join("#room");
        alice.send("PRIVMSG #room :hello from alice");
        alice.send("METADATA * SET avatar :https://example.org/alice.png");
        alice.expect(Lines.command("761"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCommandTheTableKnowsHasSamplesHere() {
        assertThat(SAMPLES.keySet())
                .as("verbs with samples in this test; add lines for a new verb")
                .containsAll(server.server().commandVerbs());
    }

    @Test
    void noReplyOpensABatchForAClientThatDidNotEnableBatch() {
        List<String> caps = new ArrayList<>(new Caps(server.config()).names());
        caps.remove("batch");
        List<IrcMessage> received = exercise("plain", caps);

        List<String> batched = received.stream()
                .filter(line -> line.verb().equals("BATCH") || line.hasTag("batch"))
                .map(IrcMessage::toString)
                .toList();
        assertThat(batched)
                .as("BATCH lines or batch tags sent to a client without batch")
                .isEmpty();
    }

    @Test
    void aClientWithBatchGetsWellFormedBatchesOfEveryType() {
        List<String> caps = new Caps(server.config()).names();
        List<IrcMessage> received = exercise("batcher", caps);

        Set<String> types = new TreeSet<>();
        Set<String> open = new HashSet<>();
        for (IrcMessage line : received) {
            if (line.hasTag("batch")) {
                assertThat(open).as("open batches when %s arrives", line).contains(line.tag("batch"));
            }
            if (line.verb().equals("BATCH") && line.param(0).startsWith("+")) {
                assertThat(open.add(line.param(0).substring(1)))
                        .as("a new reference: %s", line)
                        .isTrue();
                types.add(line.param(1));
            } else if (line.verb().equals("BATCH")) {
                assertThat(open.remove(line.param(0).substring(1)))
                        .as("closes an open batch: %s", line)
                        .isTrue();
            }
        }
        assertThat(open).as("batches left open").isEmpty();
        assertThat(types).containsAll(BATCH_TYPES);
        List<IrcMessage> burst = received.subList(
                0,
                received.indexOf(
                        received.stream().filter(Lines.endOfMotd()).findFirst().orElseThrow()));
        assertThat(burst)
                .as("the welcome burst's metadata batch")
                .anyMatch(m -> m.verb().equals("BATCH") && m.params().contains("metadata"));
    }

    @Test
    void chathistoryWithoutBatchReplaysAsHistoryNoticesNotAsNewMessages() {
        RawIrcClient reader = ChatHistory.historyClient(server, "reader");
        reader.join("#room");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                ChatHistory.ask(reader, "LATEST #room * 10").texts())
                        .contains("hello from alice"));

        RawIrcClient irssi = server.connect();
        irssi.registerWithCaps("irssi", PASSWORD, "server-time", "message-tags", "draft/chathistory");
        irssi.join("#room");
        irssi.send("CHATHISTORY LATEST #room * 10");
        List<IrcMessage> reply = irssi.collectUntil(Lines.described(
                "the end of the history",
                m -> m.verb().equals("NOTICE") && m.lastParam().startsWith("End of history for #room")));

        assertThat(reply).noneMatch(m -> m.verb().equals("BATCH") || m.verb().equals("PRIVMSG"));
        assertThat(reply)
                .anyMatch(m -> m.verb().equals("NOTICE")
                        && m.lastParam().startsWith("[#room ")
                        && m.lastParam().endsWith("<alice> hello from alice"));
    }

    @Test
    void withoutBatchAOneLineReplyCarriesTheLabelALongerOneNoneAnEmptyOneIsAnAck() {
        RawIrcClient client = server.connect();
        client.registerWithCaps(
                "labeler", PASSWORD, "labeled-response", "server-time", "message-tags", "draft/chathistory");
        client.join("#quiet");

        List<IrcMessage> pong = exchange(client, "@label=one PING :x");
        assertThat(pong)
                .filteredOn(m -> m.verb().equals("PONG") && m.lastParam().equals("x"))
                .singleElement()
                .satisfies(m -> assertThat(m.tag("label")).isEqualTo("one"));

        List<IrcMessage> whois = exchange(client, "@label=many WHOIS labeler");
        assertThat(whois)
                .hasSizeGreaterThan(2)
                .noneMatch(m -> m.hasTag("label") || m.verb().equals("BATCH"));

        List<IrcMessage> empty = exchange(client, "@label=empty CHATHISTORY LATEST #quiet * 5");
        assertThat(empty)
                .filteredOn(m -> !m.verb().equals("PONG"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.verb()).isEqualTo("NOTICE");
                    assertThat(m.lastParam()).startsWith("End of history for #quiet");
                    assertThat(m.tag("label")).isEqualTo("empty");
                });

        List<IrcMessage> ack = exchange(client, "@label=quiet PONG :nothing");
        assertThat(ack)
                .filteredOn(m -> m.verb().equals("ACK"))
                .singleElement()
                .satisfies(m -> assertThat(m.tag("label")).isEqualTo("quiet"));
    }

    /**
     * Registers {@code nick} with {@code caps}, becomes operator, sends every sample plain and
     * labeled (QUIT last), and returns every line received from registration to the end.
     */
    private List<IrcMessage> exercise(String nick, List<String> caps) {
        RawIrcClient victim = server.user("v" + nick);
        RawIrcClient client = server.connect();
        List<IrcMessage> received = register(client, nick, caps);
        String room = "#" + nick + "s";
        received.addAll(client.join(room));
        received.addAll(client.join("#room"));
        received.addAll(exchange(client, "OPER admin admin123"));
        for (String verb : new TreeSet<>(server.server().commandVerbs())) {
            if (verb.equals("QUIT")) {
                continue;
            }
            for (String sample : SAMPLES.getOrDefault(verb, List.of())) {
                String line =
                        sample.replace("{me}", nick).replace("{room}", room).replace("{victim}", "v" + nick);
                received.addAll(exchange(client, line));
                received.addAll(exchange(client, labeled(line)));
            }
        }
        client.send("QUIT :bye");
        received.addAll(client.collectUntil(Lines.command("ERROR")));
        victim.close();
        return received;
    }

    /**
     * Registers with {@code caps}, setting metadata before registering so that the welcome burst
     * carries it (in a batch, for a client with batch); returns every line received.
     */
    private static List<IrcMessage> register(RawIrcClient client, String nick, List<String> caps) {
        List<IrcMessage> received = new ArrayList<>();
        client.send("CAP LS 302");
        received.addAll(client.collectUntil(Lines.described(
                "the final CAP LS line",
                m -> m.verb().equals("CAP") && "LS".equals(m.param(1)) && !"*".equals(m.param(2)))));
        client.send("CAP REQ :" + String.join(" ", caps));
        received.add(client.expect(Lines.commandWithParams("CAP", "*", "ACK")));
        client.send("METADATA * SET avatar :https://example.org/before.png");
        client.send("PASS " + PASSWORD);
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        client.send("CAP END");
        received.addAll(client.collectUntil(Lines.endOfMotd()));
        return received;
    }

    /** Sends {@code line}, then a PING, and returns what came up to its PONG: the line's whole reply. */
    private List<IrcMessage> exchange(RawIrcClient client, String line) {
        String token = "sync-" + ++syncs;
        for (String part : line.split("\n")) {
            client.send(part);
        }
        client.send("PING :" + token);
        return client.collectUntil(Lines.described(
                "PONG " + token, m -> m.verb().equals("PONG") && m.lastParam().equals(token)));
    }

    private String labeled(String line) {
        String label = "label=L" + syncs;
        return line.startsWith("@") ? "@" + label + ";" + line.substring(1) : "@" + label + " " + line;
    }
}
