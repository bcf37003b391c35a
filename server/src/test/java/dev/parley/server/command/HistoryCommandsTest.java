package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.session.Session;
import dev.parley.server.store.StoredMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void historyReplaysARoomAsNoticesForAPlainClient() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "PRIVMSG #a :first");
        bench.clock().advance(Duration.ofMinutes(1));
        bench.send(alice, "PRIVMSG #a :\u0001ACTION waves\u0001");

        assertThat(bench.ask(alice, "HISTORY #a"))
                .containsExactly(
                        ":parley.local NOTICE alice :[#a 2026-01-02 03:04:05] <alice> first",
                        ":parley.local NOTICE alice :[#a 2026-01-02 03:05:05] * alice waves",
                        ":parley.local NOTICE alice :End of history for #a (2 messages)");
    }

    @Test
    void historyCountKeepsOnlyTheLatestMessages() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");
        for (String text : List.of("one", "two", "three")) {
            bench.send(alice, "PRIVMSG #a " + text);
            bench.clock().advance(Duration.ofSeconds(1));
        }

        assertThat(bench.ask(alice, "HISTORY #a 2"))
                .containsExactly(
                        ":parley.local NOTICE alice :[#a 2026-01-02 03:04:06] <alice> two",
                        ":parley.local NOTICE alice :[#a 2026-01-02 03:04:07] <alice> three",
                        ":parley.local NOTICE alice :End of history for #a (2 messages)");
    }

    @Test
    void chathistoryLatestReplaysABatchWithTheOriginalTimeAndMsgid() {
        Session alice = bench.register("alice", "batch", "server-time", "message-tags", "draft/chathistory");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "PRIVMSG #a :hello history");
        StoredMessage stored = bench.sink().offered().get(0);

        List<String> reply = bench.ask(alice, "CHATHISTORY LATEST #a * 10");

        assertThat(reply).hasSize(3);
        assertThat(reply.get(0)).matches(":parley\\.local BATCH \\+(\\S+) chathistory #a");
        String batch = reply.get(0).split(" ")[2].substring(1);
        assertThat(reply.get(1))
                .isEqualTo("@time=2026-01-02T03:04:05.000Z;msgid=" + stored.msgid() + ";batch=" + batch
                        + " :alice!alice@192.0.2.1 PRIVMSG #a :hello history");
        assertThat(reply.get(2)).isEqualTo(":parley.local BATCH -" + batch);
    }

    @Test
    void historyOfARoomTheUserIsNotInIsRefused() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob", "batch", "draft/chathistory");
        bench.send(alice, "JOIN #a");
        bench.send(alice, "PRIVMSG #a :private talk");

        assertThat(bench.ask(bob, "HISTORY #a"))
                .containsExactly(":parley.local NOTICE bob :No history for #a: join the room first");
        assertThat(bench.ask(bob, "CHATHISTORY LATEST #a * 10"))
                .containsExactly(
                        ":parley.local FAIL CHATHISTORY INVALID_TARGET LATEST #a :Messages could not be retrieved");
    }

    @Test
    void chathistoryWithABadReferenceOrSubcommandIsInvalidParams() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");

        assertThat(bench.ask(alice, "CHATHISTORY BEFORE #a yesterday 10"))
                .containsExactly(
                        ":parley.local FAIL CHATHISTORY INVALID_PARAMS BEFORE :Invalid message reference or limit");
        assertThat(bench.ask(alice, "CHATHISTORY SIDEWAYS #a * 10"))
                .containsExactly(":parley.local FAIL CHATHISTORY INVALID_PARAMS SIDEWAYS :Unknown subcommand");
        assertThat(bench.ask(alice, "HISTORY #a zero"))
                .containsExactly(":parley.local NOTICE alice :HISTORY count must be a positive number");
    }

    @Test
    void withHistoryOffBothCommandsSaySo() {
        CommandBench off = new CommandBench(config -> {
            HistoryConfig h = config.history();
            return config.withHistory(new HistoryConfig(
                    false,
                    h.flushInterval(),
                    h.batchSize(),
                    h.queueCapacity(),
                    h.maxPageSize(),
                    h.defaultPageSize(),
                    h.durability(),
                    h.spillMaxBytes(),
                    h.retentionMaxAge(),
                    h.retentionMaxMessages(),
                    h.retentionInterval(),
                    h.commitTimeout()));
        });
        Session alice = off.register("alice");

        assertThat(off.ask(alice, "HISTORY #a"))
                .containsExactly(":parley.local NOTICE alice :History is not kept on this server");
        assertThat(off.ask(alice, "CHATHISTORY LATEST #a * 10"))
                .containsExactly(
                        ":parley.local FAIL CHATHISTORY MESSAGE_ERROR LATEST :History is not kept on this server");
    }
}
