package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.MultilineConfig;
import dev.parley.server.session.Session;
import dev.parley.server.store.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultilineCommandsTest {

    private static final String[] MULTILINE = {
        "batch", "draft/multiline", "message-tags", "server-time", "echo-message", "labeled-response"
    };
    private static final String[] PLAIN_TAGS = {"message-tags", "server-time"};

    private final CommandBench bench = new CommandBench();

    /** alice (multiline) sends, bob (multiline) and carol (not) are in #a; all have taken their joins. */
    private Session alice;

    private Session bob;
    private Session carol;

    private void threeInARoom() {
        alice = bench.register("alice", MULTILINE);
        bob = bench.register("bob", MULTILINE);
        carol = bench.register("carol", PLAIN_TAGS);
        for (Session s : List.of(alice, bob, carol)) {
            bench.send(s, "JOIN #a");
        }
        for (Session s : List.of(alice, bob, carol)) {
            bench.take(s);
        }
    }

    private void sendPaste(String... lines) {
        bench.send(alice, "@label=L1;+draft/reply=abc BATCH +m1 draft/multiline #a");
        for (String line : lines) {
            bench.send(alice, line);
        }
        bench.send(alice, "BATCH -m1");
    }

    @Test
    void aMultilineMessageReachesMultilineClientsAsOneBatchAndOthersAsLines() {
        threeInARoom();

        sendPaste(
                "@batch=m1 PRIVMSG #a :def f(x):",
                "@batch=m1 PRIVMSG #a :",
                "@batch=m1 PRIVMSG #a :    return x + ",
                "@batch=m1;draft/multiline-concat PRIVMSG #a :1");

        StoredMessage stored = bench.sink().offered().get(0);
        String msgid = stored.msgid();
        String time = "time=2026-01-02T03:04:05.000Z";
        List<String> atBob = bench.take(bob);
        assertThat(atBob)
                .containsExactly(
                        "@" + time + ";msgid=" + msgid + ";+draft/reply=abc :alice!alice@192.0.2.1 BATCH +" + msgid
                                + " draft/multiline #a",
                        "@batch=" + msgid + " :alice!alice@192.0.2.1 PRIVMSG #a :def f(x):",
                        "@batch=" + msgid + " :alice!alice@192.0.2.1 PRIVMSG #a :",
                        "@batch=" + msgid + " :alice!alice@192.0.2.1 PRIVMSG #a :    return x + ",
                        "@batch=" + msgid + ";draft/multiline-concat :alice!alice@192.0.2.1 PRIVMSG #a 1",
                        ":alice!alice@192.0.2.1 BATCH -" + msgid);
        assertThat(bench.take(carol))
                .containsExactly(
                        "@" + time + ";msgid=" + msgid
                                + ";+draft/reply=abc :alice!alice@192.0.2.1 PRIVMSG #a :def f(x):",
                        "@" + time + ";+draft/reply=abc :alice!alice@192.0.2.1 PRIVMSG #a :    return x + ",
                        "@" + time + ";+draft/reply=abc :alice!alice@192.0.2.1 PRIVMSG #a 1");
    }

    @Test
    void theSenderGetsItsEchoAsOneBatchWithTheLabelOnTheOpeningLine() {
        threeInARoom();

        sendPaste("@batch=m1 PRIVMSG #a :one", "@batch=m1 PRIVMSG #a :two");

        List<String> echo = bench.take(alice);
        assertThat(echo).hasSize(4);
        assertThat(echo.get(0)).contains("label=L1").contains("msgid=").endsWith(" draft/multiline #a");
        assertThat(echo.get(1)).endsWith("PRIVMSG #a one").doesNotContain("msgid");
        assertThat(echo.get(3)).matches(":alice!alice@192\\.0\\.2\\.1 BATCH -\\S+");
        String reference = echo.get(0).split(" BATCH \\+")[1].split(" ")[0];
        assertThat(echo.get(3)).endsWith("BATCH -" + reference);
    }

    @Test
    void historyKeepsItAsOneMessageAndReplaysItAsTheSenderSplitIt() {
        threeInARoom();
        sendPaste(
                "@batch=m1 PRIVMSG #a :how is ",
                "@batch=m1;draft/multiline-concat PRIVMSG #a :everyone?",
                "@batch=m1 PRIVMSG #a :fine");

        assertThat(bench.sink().offered()).hasSize(1);
        StoredMessage stored = bench.sink().offered().get(0);
        assertThat(stored.text()).isEqualTo("how is everyone?\nfine");

        List<String> replay = bench.ask(bob, "CHATHISTORY LATEST #a * 10");
        assertThat(replay).hasSize(7);
        String outer = replay.get(0).split(" ")[2].substring(1);
        assertThat(replay.get(1))
                .startsWith(
                        "@time=2026-01-02T03:04:05.000Z;msgid=" + stored.msgid() + ";+draft/reply=abc;batch=" + outer)
                .contains(" BATCH +")
                .endsWith(" draft/multiline #a")
                .doesNotContain("parley.dev");
        String inner = replay.get(1).split(" BATCH \\+")[1].split(" ")[0];
        assertThat(replay.subList(2, 6))
                .containsExactly(
                        "@batch=" + inner + " :alice!alice@192.0.2.1 PRIVMSG #a :how is ",
                        "@batch=" + inner + ";draft/multiline-concat :alice!alice@192.0.2.1 PRIVMSG #a everyone?",
                        "@batch=" + inner + " :alice!alice@192.0.2.1 PRIVMSG #a fine",
                        ":alice!alice@192.0.2.1 BATCH -" + inner);
        assertThat(replay.get(6)).isEqualTo(":parley.local BATCH -" + outer);

        assertThat(bench.ask(carol, "HISTORY #a"))
                .containsExactly(
                        ":parley.local NOTICE carol :[#a 2026-01-02 03:04:05] <alice> how is everyone?",
                        ":parley.local NOTICE carol :[#a 2026-01-02 03:04:05] <alice> fine",
                        ":parley.local NOTICE carol :End of history for #a (1 message)");
    }

    @Test
    void aLineForAnotherBatchEndsTheMessageWithOneFail() {
        threeInARoom();

        bench.send(alice, "BATCH +m1 draft/multiline #a");
        assertThat(bench.ask(alice, "@batch=zz PRIVMSG #a :hi"))
                .singleElement()
                .asString()
                .startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");
        assertThat(bench.ask(alice, "@batch=m1 PRIVMSG #a :dropped")).isEmpty();
        assertThat(bench.ask(alice, "BATCH -m1")).isEmpty();
        assertThat(bench.take(bob)).isEmpty();
        assertThat(bench.sink().offered()).isEmpty();
    }

    @Test
    void aBlankContinuationLineIsInvalid() {
        threeInARoom();

        bench.send(alice, "BATCH +m1 draft/multiline #a");
        bench.send(alice, "@batch=m1 PRIVMSG #a :hi");
        assertThat(bench.ask(alice, "@batch=m1;draft/multiline-concat PRIVMSG #a :"))
                .singleElement()
                .asString()
                .startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");
        bench.send(alice, "BATCH -m1");
        assertThat(bench.take(bob)).isEmpty();
    }

    @Test
    void aMessageOfBlankLinesOnlyIsInvalidAndALineToAnotherTargetIsInvalidTarget() {
        threeInARoom();

        bench.send(alice, "BATCH +m1 draft/multiline #a");
        bench.send(alice, "@batch=m1 PRIVMSG #a :");
        assertThat(bench.ask(alice, "BATCH -m1"))
                .singleElement()
                .asString()
                .startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");

        bench.send(alice, "BATCH +m2 draft/multiline #a");
        assertThat(bench.ask(alice, "@batch=m2 PRIVMSG #b :hi"))
                .containsExactly(":parley.local FAIL BATCH MULTILINE_INVALID_TARGET #a #b"
                        + " :Every line of a multi-line message must go to its batch's target");
        bench.send(alice, "BATCH -m2");
        assertThat(bench.take(bob)).isEmpty();
    }

    @Test
    void theLimitsAreAdvertisedAndEnforcedAsLinesArrive() {
        CommandBench small = new CommandBench(
                config -> config.withLimits(config.limits().withMultiline(new MultilineConfig(600, 3))));
        Session probe = small.connect();
        assertThat(String.join("\n", small.ask(probe, "CAP LS 302")))
                .contains("draft/multiline=max-bytes=600,max-lines=3");

        Session dave = small.register("dave", MULTILINE);
        small.send(dave, "JOIN #a");
        small.send(dave, "BATCH +x draft/multiline #a");
        for (int i = 0; i < 3; i++) {
            assertThat(small.ask(dave, "@batch=x PRIVMSG #a :line")).isEmpty();
        }
        assertThat(small.ask(dave, "@batch=x PRIVMSG #a :one too many"))
                .containsExactly(":parley.local FAIL BATCH MULTILINE_MAX_LINES 3"
                        + " :A multi-line message may have at most 3 lines");
        small.send(dave, "BATCH -x");

        small.send(dave, "BATCH +y draft/multiline #a");
        small.send(dave, "@batch=y PRIVMSG #a :" + "x".repeat(400));
        assertThat(small.ask(dave, "@batch=y PRIVMSG #a :" + "x".repeat(200)))
                .containsExactly(":parley.local FAIL BATCH MULTILINE_MAX_BYTES 600"
                        + " :A multi-line message may have at most 600 bytes");
        assertThat(small.ask(dave, "BATCH -y")).isEmpty();
    }

    @Test
    void aBatchNeedsTheCapabilitiesAndAKnownType() {
        Session plain = bench.register("plain", PLAIN_TAGS);
        assertThat(bench.ask(plain, "BATCH +m draft/multiline #a"))
                .singleElement()
                .asString()
                .startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");
        Session ml = bench.register("ml", MULTILINE);
        assertThat(bench.ask(ml, "BATCH +m netsplit a b"))
                .containsExactly(
                        ":parley.local FAIL BATCH UNKNOWN_TYPE netsplit :A client may open only draft/multiline batches");
        assertThat(bench.ask(ml, "BATCH -nothing"))
                .singleElement()
                .asString()
                .startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");
    }

    @Test
    void anotherCommandWhileTheBatchIsOpenEndsItButPingStillWorks() {
        threeInARoom();
        bench.send(alice, "BATCH +m1 draft/multiline #a");
        bench.send(alice, "@batch=m1 PRIVMSG #a :hi");

        assertThat(bench.ask(alice, "PING :still here")).containsExactly(":parley.local PONG parley.local :still here");
        List<String> topic = bench.ask(alice, "TOPIC #a");
        assertThat(topic.get(0)).startsWith(":parley.local FAIL BATCH MULTILINE_INVALID :");
        assertThat(topic).hasSize(2); // and TOPIC is answered
        bench.send(alice, "BATCH -m1");
        assertThat(bench.take(bob)).isEmpty();
    }

    @Test
    void aMultilinePrivateMessageReachesTheNick() {
        threeInARoom();

        bench.send(alice, "BATCH +d draft/multiline carol");
        bench.send(alice, "@batch=d PRIVMSG carol :line one");
        bench.send(alice, "@batch=d PRIVMSG carol :line two");
        bench.send(alice, "BATCH -d");

        assertThat(bench.take(carol)).hasSize(2).allMatch(line -> line.contains(" PRIVMSG carol :line "));
        assertThat(bench.sink().offered())
                .singleElement()
                .extracting(StoredMessage::text)
                .isEqualTo("line one\nline two");
    }

    @Test
    void theLinesOfAnOpenBatchCostNoFloodBudget() {
        threeInARoom();
        CommandDispatcher dispatcher = bench.dispatcher();
        bench.send(alice, "BATCH +m1 draft/multiline #a");

        assertThat(dispatcher.floodCost(alice, CommandBench.parse("@batch=m1 PRIVMSG #a :x")))
                .isZero();
        assertThat(dispatcher.floodCost(alice, CommandBench.parse("PRIVMSG #a :x")))
                .isEqualTo(1.0);
        assertThat(dispatcher.floodCost(alice, CommandBench.parse("BATCH -m1"))).isEqualTo(0.5);
    }

    @Test
    void theLinesOfARefusedBatchPayLikeAnyLine() {
        threeInARoom();
        CommandDispatcher dispatcher = bench.dispatcher();
        bench.send(alice, "BATCH +m1 draft/multiline #a");
        bench.send(alice, "@batch=m1 PRIVMSG #b :wrong target, so the batch is refused");

        assertThat(dispatcher.floodCost(alice, CommandBench.parse("@batch=m1 PRIVMSG #a :x")))
                .isEqualTo(1.0);
    }
}
