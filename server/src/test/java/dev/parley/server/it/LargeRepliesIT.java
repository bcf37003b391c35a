package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The largest replies the server advertises reach a client that reads slowly through a small
 * receive buffer, whatever the send-queue limit: the server paces its own replies by how fast the
 * client reads instead of counting them against the client's send queue. Traffic other users cause
 * meanwhile waits until the reply is out, so it never lands inside the reply's batch.
 */
class LargeRepliesIT {

    /** The advertised {@code CHATHISTORY=1000}: the default {@code history.max-page-size}. */
    private static final int MAX_PAGE = 1000;

    private static final String FILLER = "f".repeat(400);
    private static final Duration SLOW_READ = Duration.ofSeconds(60);
    /** A room message from another user after every this many lines read. */
    private static final int TRAFFIC_EVERY = 100;

    @Test
    void theLargestChathistoryPageReachesASlowReaderWithOtherTrafficOutsideTheBatch() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient talker = fullRoom(server, "#big", MAX_PAGE);
            RawIrcClient reader = slowReader(
                    server, "reader", "batch", "server-time", "message-tags", "draft/chathistory", "labeled-response");
            reader.join("#big");

            reader.send("@label=big CHATHISTORY LATEST #big * " + MAX_PAGE);
            List<IrcMessage> lines = readSlowly(reader, talker, LAST_WORD, 1);

            IrcMessage outer = lines.get(0);
            assertThat(outer.verb()).isEqualTo("BATCH");
            assertThat(outer.tag("label")).isEqualTo("big");
            assertThat(outer.param(1)).isEqualTo("labeled-response");
            int end = indexOf(
                    lines, Lines.commandWithParams("BATCH", "-" + outer.param(0).substring(1)));
            List<IrcMessage> reply = lines.subList(0, end + 1);
            assertThat(reply)
                    .as("every line of the reply is inside a batch")
                    .allMatch(line -> line.verb().equals("BATCH") || line.hasTag("batch"));
            List<IrcMessage> replayed =
                    reply.stream().filter(Lines.command("PRIVMSG")).toList();
            assertThat(replayed).hasSize(MAX_PAGE);
            assertThat(replayed.get(0).lastParam()).startsWith("m0 ");
            assertThat(replayed.get(MAX_PAGE - 1).lastParam()).startsWith("m" + (MAX_PAGE - 1) + " ");
            assertThat(lines.subList(end + 1, lines.size()))
                    .filteredOn(Lines.command("PRIVMSG"))
                    .as("what others said meanwhile comes after the batch, in order")
                    .extracting(IrcMessage::lastParam)
                    .endsWith("last word")
                    .allMatch(text -> text.startsWith("during ") || text.equals("last word"));
        }
    }

    @Test
    void theLargestPlainHistoryReachesASlowReader() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient talker = fullRoom(server, "#big", MAX_PAGE);
            RawIrcClient reader = slowReader(server, "plain");
            reader.join("#big");

            reader.send("HISTORY #big " + MAX_PAGE);
            List<IrcMessage> lines = readSlowly(reader, talker, LAST_WORD, 1);

            List<String> notices = lines.stream()
                    .filter(Lines.command("NOTICE"))
                    .map(IrcMessage::lastParam)
                    .toList();
            assertThat(notices).hasSize(MAX_PAGE + 1);
            assertThat(notices.get(0)).contains("<filler> m0 ");
            assertThat(notices.get(MAX_PAGE)).isEqualTo("End of history for #big (" + MAX_PAGE + " messages)");
            int end = indexOf(
                    lines, Lines.described("end of history", m -> m.lastParam().startsWith("End of history")));
            assertThat(lines.subList(0, end))
                    .as("nothing from others inside the reply")
                    .noneMatch(Lines.command("PRIVMSG"));
        }
    }

    /**
     * Ten maximum pages asked at once are about 5 MB, more than the kernel's socket buffers take
     * (tcp_wmem's maximum is 4 MB), so the server must wait for the reader between chunks.
     */
    @Test
    void tenMaximumPagesAskedAtOnceArePacedOutToASlowReader() {
        int pages = 10;
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient talker = fullRoom(server, "#big", MAX_PAGE);
            RawIrcClient reader = slowReader(server, "reader", ChatHistory.CAPS);
            reader.join("#big");

            for (int i = 0; i < pages; i++) {
                reader.send("CHATHISTORY LATEST #big * " + MAX_PAGE);
            }
            List<IrcMessage> lines = readSlowly(reader, talker, BATCH_END, pages);

            assertThat(lines)
                    .filteredOn(Lines.command("PRIVMSG"))
                    .filteredOn(line -> line.hasTag("batch"))
                    .hasSize(pages * MAX_PAGE);
            assertNothingInsideABatchButItsLines(lines);
        }
    }

    @Test
    void theLargestPlainHistoryReachesAWebSocketClient() {
        try (TestServer server = TestServer.start(c -> ChatHistory.withoutFloodControl(c)
                .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)))) {
            fullRoom(server, "#big", MAX_PAGE);
            try (WebSocketLineClient reader =
                    WebSocketLineClient.connect(server).register("webby")) {
                reader.send("JOIN #big");
                reader.await(line -> line.contains(" 366 webby #big "), Duration.ofSeconds(10));
                long before = reader.received();

                reader.send("HISTORY #big " + MAX_PAGE);
                reader.await(line -> line.endsWith("End of history for #big (" + MAX_PAGE + " messages)"), SLOW_READ);

                assertThat(reader.closedBecause()).isNull();
                assertThat(reader.received() - before).isEqualTo(MAX_PAGE + 1);
            }
        }
    }

    /**
     * CHATHISTORY TARGETS at its maximum: 1,000 private conversations with 30-character nicks make
     * a reply of about 105 KB, beyond the default send queue.
     */
    @Test
    void theLargestTargetsListReachesASlowReader() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient reader = slowReader(server, "reader", ChatHistory.CAPS);
            for (int i = 0; i < MAX_PAGE; i++) {
                String nick = String.format("partner%023d", i);
                RawIrcClient partner = server.connect();
                partner.register(nick, "chat@123");
                reader.send("PRIVMSG " + nick + " :hi");
                partner.expect(Lines.privmsgFrom("reader", nick, "hi"));
                if (i < MAX_PAGE - 1) {
                    partner.close(); // the last one stays: a guest's conversation is found by its nick while online
                }
            }

            awaitStored(reader, String.format("partner%023d", MAX_PAGE - 1));

            reader.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z "
                    + MAX_PAGE);
            IrcMessage start = reader.expect(Lines.command("BATCH"));
            List<IrcMessage> lines = reader.collectUntil(
                    Lines.commandWithParams("BATCH", "-" + start.param(0).substring(1)));

            assertThat(lines)
                    .filteredOn(Lines.command("CHATHISTORY"))
                    .hasSize(MAX_PAGE)
                    .allSatisfy(line -> assertThat(line.param(1)).startsWith("partner"));
        }
    }

    /**
     * Waits until history holds the reader's conversation with {@code lastPartner}: the writer
     * commits in order, so then it holds all of them. (A history read waits for earlier writes at
     * most a second; on a loaded machine 1,000 messages can take longer to commit.)
     */
    private static void awaitStored(RawIrcClient reader, String lastPartner) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            reader.send("CHATHISTORY LATEST " + lastPartner + " * 1");
            IrcMessage start = reader.expect(Lines.command("BATCH"));
            List<IrcMessage> page = reader.collectUntil(
                    Lines.commandWithParams("BATCH", "-" + start.param(0).substring(1)));
            return page.stream().anyMatch(Lines.command("PRIVMSG"));
        });
    }

    /**
     * LIST on a server with 300 rooms with long topics is about 130 KB, beyond the default send
     * queue (96 KiB): the reply is paced like a history page. NAMES and WHO take the same path
     * (every reply to a command goes through {@code Replies}).
     */
    @Test
    void aListOfManyRoomsWithLongTopicsReachesASlowReader() {
        int owners = 3;
        int roomsEach = 100;
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            for (int owner = 0; owner < owners; owner++) {
                RawIrcClient founder = server.user("founder" + owner);
                for (int i = 0; i < roomsEach; i++) {
                    String room = "#r" + owner + "-" + i;
                    founder.send("JOIN " + room);
                    founder.send("TOPIC " + room + " :" + "t".repeat(380));
                }
                founder.send("PING :rooms-made");
                founder.withTimeout(Duration.ofSeconds(30))
                        .expect(Lines.described(
                                "PONG rooms-made",
                                m -> m.verb().equals("PONG") && m.lastParam().equals("rooms-made")));
            }
            RawIrcClient reader = slowReader(server, "lister");

            reader.send("LIST");
            List<IrcMessage> lines = reader.collectUntil(Lines.numeric(dev.parley.protocol.Numeric.RPL_LISTEND));

            assertThat(lines)
                    .filteredOn(Lines.numeric(dev.parley.protocol.Numeric.RPL_LIST))
                    .hasSize(owners * roomsEach)
                    .allSatisfy(line -> assertThat(line.lastParam()).isEqualTo("t".repeat(380)));
        }
    }

    /**
     * WHO with WHOX fields in a room of 800 members with 30-character nicks is about 130 KB; NAMES
     * of the same room (about 25 KB) is checked alongside.
     */
    @Test
    void whoAndNamesOfAHugeRoomReachASlowReader() {
        int members = 800;
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient reader = slowReader(server, "reader");
            reader.join("#huge");
            for (int i = 0; i < members; i++) {
                RawIrcClient member = server.connect();
                member.register(String.format("member%024d", i), "chat@123");
                member.send("JOIN #huge");
            }
            // Every member's JOIN reached the room once the reader has seen it: their connections are on
            // other event loops, so a PING of the reader's own says nothing about them.
            for (int i = 0; i < members; i++) {
                reader.expect(Lines.command("JOIN"));
            }

            reader.send("WHO #huge %tcuihsnfdlaor,123");
            List<IrcMessage> who = reader.collectUntil(Lines.numeric(dev.parley.protocol.Numeric.RPL_ENDOFWHO));
            reader.send("NAMES #huge");
            List<IrcMessage> names = reader.collectUntil(Lines.endOfNames("#huge"));

            assertThat(who).filteredOn(line -> line.command().equals("354")).hasSize(members + 1);
            assertThat(names)
                    .filteredOn(line -> line.command().equals("353"))
                    .flatExtracting(line -> List.of(line.lastParam().split(" ")))
                    .hasSize(members + 1);
        }
    }

    /**
     * A client's own reply is not counted against its send queue, but what others send it while
     * the reply waits is: a client that asks for ten pages and reads nothing is still closed with
     * "SendQ exceeded" once a room talks to it.
     */
    @Test
    void aClientThatAsksAndNeverReadsIsStillClosedWhenOthersTalkToIt() throws IOException {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl);
                Socket stalled = new Socket()) {
            RawIrcClient talker = fullRoom(server, "#big", MAX_PAGE);
            stalled.setReceiveBufferSize(1024);
            stalled.connect(server.address());
            StringBuilder asks = new StringBuilder("CAP REQ :batch server-time message-tags draft/chathistory\r\n"
                    + "PASS chat@123\r\nNICK stalled\r\nUSER stalled 0 * :never reads\r\nCAP END\r\nJOIN #big\r\n");
            for (int i = 0; i < 10; i++) {
                asks.append("CHATHISTORY LATEST #big * ").append(MAX_PAGE).append("\r\n");
            }
            stalled.getOutputStream().write(asks.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            talker.expect(Lines.joinOf("stalled", "#big"));

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            IrcMessage quit = null;
            for (int round = 0; quit == null; round++) {
                for (int i = 0; i < 50; i++) {
                    talker.send("PRIVMSG #big :" + round + " " + i + " " + FILLER);
                }
                talker.send("PING :round" + round);
                String token = "round" + round;
                quit = talker
                        .collectUntil(Lines.described(
                                "PONG " + token,
                                m -> m.verb().equals("PONG") && m.lastParam().equals(token)))
                        .stream()
                        .filter(m ->
                                m.verb().equals("QUIT") && Lines.from("stalled").test(m))
                        .findFirst()
                        .orElse(null);
                assertThat(System.nanoTime())
                        .as("stalled still online after %d rounds", round)
                        .isLessThan(deadline);
            }
            assertThat(quit.lastParam()).contains("SendQ exceeded");
        }
    }

    private static final Predicate<IrcMessage> LAST_WORD = Lines.privmsgFrom("talker", "#big", "last word");
    private static final Predicate<IrcMessage> BATCH_END = Lines.described(
            "a batch end", m -> m.verb().equals("BATCH") && m.param(0).startsWith("-"));

    /** While a batch is open, every other line carries the tag of an open batch. */
    private static void assertNothingInsideABatchButItsLines(List<IrcMessage> lines) {
        java.util.Set<String> open = new java.util.HashSet<>();
        for (IrcMessage line : lines) {
            if (line.verb().equals("BATCH")) {
                String ref = line.param(0);
                if (ref.startsWith("+")) {
                    open.add(ref.substring(1));
                } else {
                    open.remove(ref.substring(1));
                }
            } else if (!open.isEmpty()) {
                assertThat(open).as("the batch of %s", line).contains(line.tag("batch"));
            }
        }
    }

    /**
     * {@code count} stored messages of 400 bytes in {@code room}, said by {@code filler}; returns a
     * second member, {@code talker}, who speaks while the tests read.
     */
    static RawIrcClient fullRoom(TestServer server, String room, int count) {
        RawIrcClient filler = server.user("filler");
        filler.join(room);
        RawIrcClient talker = server.user("talker");
        talker.join(room);
        for (int i = 0; i < count; i++) {
            filler.send("PRIVMSG " + room + " :m" + i + " " + FILLER);
            if (i % 100 == 99 || i == count - 1) {
                // the talker reads as the room fills, or its send queue (96 KiB) would overflow
                String last = "m" + i + " ";
                talker.withTimeout(Duration.ofSeconds(30))
                        .expect(Lines.described(
                                "filler line " + last,
                                m -> m.verb().equals("PRIVMSG") && m.lastParam().startsWith(last)));
            }
        }
        RawIrcClient checker = ChatHistory.historyClient(server, "checker");
        checker.join(room);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ChatHistory.ask(checker, "LATEST " + room + " * 1").texts().stream()
                        .anyMatch(text -> text.startsWith("m" + (count - 1) + " ")));
        return talker;
    }

    /** A client whose socket has a receive buffer of 2 KB, registered with {@code caps}. */
    static RawIrcClient slowReader(TestServer server, String nick, String... caps) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(2048);
            socket.connect(server.address());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawIrcClient client = RawIrcClient.over(socket).withTimeout(SLOW_READ);
        if (caps.length == 0) {
            client.register(nick, "chat@123");
        } else {
            client.registerWithCaps(nick, "chat@123", caps);
        }
        return client;
    }

    /**
     * Reads one line at a time until {@code end} has matched {@code times} lines and the reader has
     * seen the talker's last word; every {@link #TRAFFIC_EVERY} lines {@code talker} says something
     * in the room and waits for its own PING to come back, so the reader falls behind the server
     * while others talk. After five such lines {@code talker} says "last word".
     */
    static List<IrcMessage> readSlowly(RawIrcClient reader, RawIrcClient talker, Predicate<IrcMessage> end, int times) {
        List<IrcMessage> lines = new ArrayList<>();
        int during = 0;
        int ends = 0;
        boolean lastWord = false;
        while (true) {
            IrcMessage line = reader.expect(Lines.described("any line", m -> true));
            lines.add(line);
            ends += end.test(line) ? 1 : 0;
            lastWord |= LAST_WORD.test(line);
            if (ends >= times && lastWord) {
                return lines;
            }
            if (lines.size() % TRAFFIC_EVERY == 0 && during < 5) {
                String token = "t" + during;
                talker.send("PRIVMSG #big :during " + during++);
                talker.send("PING :" + token);
                talker.expect(Lines.described(
                        "PONG " + token, m -> m.verb().equals("PONG") && Objects.equals(m.lastParam(), token)));
                if (during == 5) {
                    talker.send("PRIVMSG #big :last word");
                }
            }
        }
    }

    private static int indexOf(List<IrcMessage> lines, Predicate<IrcMessage> what) {
        for (int i = 0; i < lines.size(); i++) {
            if (what.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no line matching " + what + " in " + lines.size() + " lines");
    }
}
