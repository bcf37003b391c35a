package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static dev.parley.server.it.ChatHistory.historyClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.HostMask;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Message history through IRC: CHATHISTORY for IRCv3 clients, HISTORY for plain ones. Needs the
 * storage work (SQLite history writer and reader).
 */
class HistoryIT {

    private static final Duration STORED_WITHIN = Duration.ofSeconds(10);

    /** A message as its receiver saw it live. */
    private record Seen(String msgid, Instant time, String text) {}

    @Test
    void roomMessagesReplayAfterARestartWithTheirOriginalMsgidAndTime() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = historyClient(server, "bob");
            alice.join("#general");
            bob.join("#general");
            List<Seen> seen = List.of(
                    say(alice, bob, "#general", "first"),
                    say(alice, bob, "#general", "second"),
                    say(alice, bob, "#general", "third"));

            server.restart();

            RawIrcClient carol = historyClient(server, "carol");
            carol.join("#general");
            ChatHistory.Batch batch = ask(carol, "LATEST #general * 10");
            assertThat(batch.type()).isEqualTo("chathistory");
            assertThat(batch.params()).containsExactly("#general");
            assertThat(batch.lines()).allSatisfy(line -> {
                assertThat(line.verb()).isEqualTo("PRIVMSG");
                assertThat(HostMask.parse(line.source()).nick()).isEqualTo("alice");
                assertThat(line.param(0)).isEqualTo("#general");
            });
            assertThat(batch.texts()).containsExactly("first", "second", "third");
            assertThat(batch.msgids())
                    .containsExactlyElementsOf(seen.stream().map(Seen::msgid).toList());
            assertThat(batch.lines().stream()
                            .map(line -> Instant.parse(line.tag("time")))
                            .toList())
                    .containsExactlyElementsOf(seen.stream().map(Seen::time).toList());
        }
    }

    @Test
    void beforeAfterAroundAndBetweenByMsgidReturnTheRightSlices() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            List<Seen> seen = tenMessagesInGeneral(server);
            RawIrcClient reader = historyClient(server, "reader");
            reader.join("#general");
            awaitStored(reader, "#general", 10);

            assertThat(ask(reader, "BEFORE #general msgid=" + seen.get(5).msgid() + " 3")
                            .texts())
                    .containsExactly("m2", "m3", "m4");
            assertThat(ask(reader, "AFTER #general msgid=" + seen.get(5).msgid() + " 3")
                            .texts())
                    .containsExactly("m6", "m7", "m8");
            assertThat(ask(
                                    reader,
                                    "BETWEEN #general msgid=" + seen.get(2).msgid() + " msgid="
                                            + seen.get(7).msgid() + " 10")
                            .texts())
                    .containsExactly("m3", "m4", "m5", "m6");
            assertThat(ask(reader, "LATEST #general msgid=" + seen.get(7).msgid() + " 10")
                            .texts())
                    .as("LATEST with a reference: the latest messages after it")
                    .containsExactly("m8", "m9");
            List<String> around = ask(
                            reader, "AROUND #general msgid=" + seen.get(5).msgid() + " 4")
                    .texts();
            assertThat(around).hasSize(4).contains("m5");
            assertThat(String.join(",", texts(seen))).contains(String.join(",", around));
        }
    }

    @Test
    void beforeAfterAndBetweenByTimestampReturnTheRightSlices() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            List<Seen> seen = tenMessagesInGeneral(server);
            RawIrcClient reader = historyClient(server, "reader");
            reader.join("#general");
            awaitStored(reader, "#general", 10);

            assertThat(ask(reader, "BEFORE #general timestamp=" + seen.get(5).time() + " 3")
                            .texts())
                    .containsExactly("m2", "m3", "m4");
            assertThat(ask(reader, "AFTER #general timestamp=" + seen.get(5).time() + " 3")
                            .texts())
                    .containsExactly("m6", "m7", "m8");
            assertThat(ask(
                                    reader,
                                    "BETWEEN #general timestamp=" + seen.get(2).time() + " timestamp="
                                            + seen.get(7).time() + " 10")
                            .texts())
                    .containsExactly("m3", "m4", "m5", "m6");
            assertThat(ask(
                                    reader,
                                    "BETWEEN #general timestamp=" + seen.get(7).time() + " timestamp="
                                            + seen.get(2).time() + " 2")
                            .texts())
                    .as("BETWEEN from the later end selects the newest first, replayed in order")
                    .containsExactly("m5", "m6");
        }
    }

    @Test
    void aMsgidThatWasNeverSentGivesAnEmptyBatch() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            tenMessagesInGeneral(server);
            RawIrcClient reader = historyClient(server, "reader");
            reader.join("#general");
            awaitStored(reader, "#general", 10);

            assertThat(ask(reader, "BEFORE #general msgid=no-such-message 10").lines())
                    .isEmpty();
        }
    }

    @Test
    void targetsListsTheRoomsAndPrivatePartnersWithHistory() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = historyClient(server, "alice");
            RawIrcClient bob = historyClient(server, "bob");
            alice.join("#general");
            alice.join("#dev");
            bob.join("#general");
            bob.join("#dev");
            say(bob, alice, "#general", "in general");
            say(bob, alice, "#dev", "in dev");
            say(bob, alice, "alice", "just to you");
            awaitStored(alice, "bob", 1);
            awaitStored(alice, "#dev", 1);
            awaitStored(alice, "#general", 1);

            ChatHistory.Batch targets = ask(
                    alice,
                    "TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp="
                            + Instant.now().plus(Duration.ofDays(1)) + " 10");

            assertThat(targets.type()).isEqualTo("draft/chathistory-targets");
            assertThat(targets.lines())
                    .allSatisfy(line -> assertThat(line.params()).startsWith("TARGETS"));
            assertThat(targets.lines().stream().map(line -> line.param(1)).toList())
                    .containsExactlyInAnyOrder("#general", "#dev", "bob");
        }
    }

    @Test
    void privateMessagesAreHistoryForBothPartnersAndNobodyElse() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = historyClient(server, "alice");
            RawIrcClient bob = historyClient(server, "bob");
            RawIrcClient carol = historyClient(server, "carol");
            Seen hi = say(alice, bob, "bob", "hi bob");
            Seen hello = say(bob, alice, "alice", "hello alice");

            awaitStored(alice, "bob", 2);

            ChatHistory.Batch alicesSide = ask(alice, "LATEST bob * 10");
            ChatHistory.Batch bobsSide = ask(bob, "LATEST alice * 10");
            assertThat(alicesSide.texts()).containsExactly("hi bob", "hello alice");
            assertThat(alicesSide.msgids()).containsExactly(hi.msgid(), hello.msgid());
            assertThat(bobsSide.msgids()).containsExactly(hi.msgid(), hello.msgid());
            assertThat(ask(carol, "LATEST bob * 10").lines())
                    .as("carol never spoke with bob")
                    .isEmpty();
            assertThat(ask(carol, "LATEST alice * 10").lines())
                    .as("carol never spoke with alice")
                    .isEmpty();
        }
    }

    @Test
    void historyForAPlainClientIsNoticesWithTimeNickAndText() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = historyClient(server, "bob");
            alice.join("#general");
            bob.join("#general");
            say(alice, bob, "#general", "one");
            say(alice, bob, "#general", "two");
            say(alice, bob, "#general", "three");
            awaitStored(bob, "#general", 3);

            alice.send("HISTORY #general 2");
            List<String> notices = alice.collectUntil(noticeContaining("End of history")).stream()
                    .filter(Lines.command("NOTICE"))
                    .map(IrcMessage::lastParam)
                    .toList();

            assertThat(notices).hasSize(3);
            assertThat(notices.get(0))
                    .matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*")
                    .contains("alice")
                    .endsWith("two");
            assertThat(notices.get(1)).contains("alice").endsWith("three");
            assertThat(notices.get(2)).startsWith("End of history");
        }
    }

    @Test
    void historyOfARoomYouAreNotInIsRefused() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = historyClient(server, "alice");
            RawIrcClient bob = server.user("bob");
            RawIrcClient mallory = historyClient(server, "mallory");
            alice.join("#secret");
            bob.join("#secret");
            say(bob, alice, "#secret", "the plan");
            awaitStored(alice, "#secret", 1);

            mallory.send("HISTORY #secret 10");
            IrcMessage answer = mallory.expect(noticeContaining("#secret"));
            mallory.send("CHATHISTORY LATEST #secret * 10");
            IrcMessage fail = mallory.expect(Lines.anyOf(Lines.command("FAIL"), Lines.command("BATCH")));

            assertThat(answer.lastParam()).doesNotStartWith("End of history").doesNotContain("the plan");
            assertThat(fail.verb()).isEqualTo("FAIL");
            assertThat(fail.params()).startsWith("CHATHISTORY", "INVALID_TARGET");
            assertThat(Received.by(mallory))
                    .noneMatch(line -> line.params().stream().anyMatch(p -> p.contains("the plan")));
        }
    }

    @Test
    void twoHundredMessagesAllArriveAndAreAllStored() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = historyClient(server, "bob");
            alice.join("#general");
            bob.join("#general");
            List<String> texts =
                    IntStream.range(0, 200).mapToObj(i -> "message " + i).toList();

            texts.forEach(text -> alice.send("PRIVMSG #general :" + text));
            for (String text : texts) {
                bob.expect(Lines.privmsgFrom("alice", "#general", text));
            }

            await().atMost(STORED_WITHIN)
                    .untilAsserted(
                            () -> assertThat(ask(bob, "LATEST #general * 1000").texts())
                                    .containsExactlyElementsOf(texts));
        }
    }

    /** alice says m0..m9 in #general, bob (with server-time and msgids) witnesses them. */
    private static List<Seen> tenMessagesInGeneral(TestServer server) {
        RawIrcClient alice = server.user("alice");
        RawIrcClient bob = historyClient(server, "bob");
        alice.join("#general");
        bob.join("#general");
        List<Seen> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seen.add(say(alice, bob, "#general", "m" + i));
        }
        return seen;
    }

    /**
     * {@code from} sends {@code text} to {@code target}; {@code witness} (with server-time and
     * message-tags) receives it. Returns once the clock has moved past its time, so that each
     * message has its own millisecond and timestamp anchors are unambiguous.
     */
    private static Seen say(RawIrcClient from, RawIrcClient witness, String target, String text) {
        from.send("PRIVMSG " + target + " :" + text);
        IrcMessage received = witness.expect(Lines.described(
                "PRIVMSG " + target + " :" + text, m -> m.verb().equals("PRIVMSG") && text.equals(m.lastParam())));
        Seen seen = new Seen(received.tag("msgid"), Instant.parse(received.tag("time")), text);
        assertThat(seen.msgid()).as("msgid tag").isNotBlank();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().toEpochMilli() > seen.time().toEpochMilli());
        return seen;
    }

    /** Waits until the history of {@code target}, as {@code reader} sees it, holds {@code count} messages. */
    private static void awaitStored(RawIrcClient reader, String target, int count) {
        await().atMost(STORED_WITHIN)
                .untilAsserted(() -> assertThat(
                                ask(reader, "LATEST " + target + " * 1000").lines())
                        .hasSize(count));
    }

    private static List<String> texts(List<Seen> seen) {
        return seen.stream().map(Seen::text).toList();
    }

    private static Predicate<IrcMessage> noticeContaining(String text) {
        return Lines.described(
                "a NOTICE containing \"" + text + "\"",
                m -> m.verb().equals("NOTICE") && m.lastParam().contains(text));
    }
}
