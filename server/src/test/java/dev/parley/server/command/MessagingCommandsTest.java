package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class MessagingCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void privmsgToARoomReachesTheOtherMembersAndNotTheSender() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(alice);

        assertThat(bench.ask(bob, "PRIVMSG #a :hello there")).isEmpty();
        assertThat(bench.take(alice)).containsExactly(":bob!bob@192.0.2.2 PRIVMSG #a :hello there");
    }

    @Test
    void privmsgToAnUnknownRoomIsAnswered403() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "PRIVMSG #nowhere :hi"))
                .containsExactly(":parley.local 403 alice #nowhere :No such channel");
    }

    @Test
    void privmsgFromOutsideARoomWithNoExternalMessagesIsAnswered404() {
        Session alice = bench.register("alice");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.take(alice);

        assertThat(bench.ask(carol, "PRIVMSG #a :let me in"))
                .containsExactly(":parley.local 404 carol #a :Cannot send to channel");
        assertThat(bench.take(alice)).isEmpty();
    }

    @Test
    void privmsgToAnUnknownNickIsAnswered401() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "PRIVMSG nobody :hi"))
                .containsExactly(":parley.local 401 alice nobody :No such nick/channel");
    }

    @Test
    void noticeToAnUnknownTargetGetsNoAutomaticReply() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "NOTICE #nowhere :hi")).isEmpty();
        assertThat(bench.ask(alice, "NOTICE nobody :hi")).isEmpty();
    }

    @Test
    void privmsgWithoutTextIsAnswered412AndWithoutTargetIsAnswered411() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "PRIVMSG bob")).containsExactly(":parley.local 412 alice :No text to send");
        assertThat(bench.ask(alice, "PRIVMSG"))
                .containsExactly(":parley.local 411 alice :No recipient given (PRIVMSG)");
    }

    @Test
    void privmsgToANickReachesItAndTellsTheSenderWhenItIsAway() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(bob, "AWAY :lunch");
        bench.take(bob);

        assertThat(bench.ask(alice, "PRIVMSG Bob :are you there")).containsExactly(":parley.local 301 alice bob lunch");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 PRIVMSG bob :are you there");
    }

    @Test
    void echoMessageSendsTheSenderItsOwnMessage() {
        Session alice = bench.register("alice", "echo-message");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(bob);

        assertThat(bench.ask(alice, "PRIVMSG #a :hi all")).containsExactly(":alice!alice@192.0.2.1 PRIVMSG #a :hi all");
        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 PRIVMSG #a :hi all");
    }

    @Test
    void statusMessageToOpsReachesOnlyTheRoomOperators() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.take(alice);
        bench.take(bob);

        bench.send(carol, "PRIVMSG @#a :ops only");

        assertThat(bench.take(alice)).containsExactly(":carol!carol@192.0.2.3 PRIVMSG @#a :ops only");
        assertThat(bench.take(bob)).isEmpty();
    }

    @Test
    void aModeratedRoomRefusesUnvoicedMembers() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(alice, "MODE #a +m");
        bench.take(alice);

        assertThat(bench.ask(bob, "PRIVMSG #a :can I talk"))
                .containsExactly(":parley.local 404 bob #a :Cannot send to channel");
        assertThat(bench.take(alice)).isEmpty();
    }

    @Test
    void privmsgToARoomIsHandedToHistory() {
        Session alice = bench.register("alice");
        bench.send(alice, "JOIN #a");

        bench.send(alice, "PRIVMSG #a :remember me");

        assertThat(bench.sink().offered())
                .singleElement()
                .satisfies(stored -> assertThat(stored.text()).isEqualTo("remember me"));
    }

    @Test
    void tagmsgIsRefusedByAClientWithoutMessageTagsButReachesOneWithThem() {
        Session alice = bench.register("alice", "message-tags");
        Session bob = bench.register("bob", "message-tags");
        Session carol = bench.register("carol");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.send(carol, "JOIN #a");
        bench.take(bob);
        bench.take(carol);

        bench.send(alice, "@+typing=active TAGMSG #a");

        assertThat(bench.take(bob))
                .singleElement()
                .asString()
                .startsWith("@")
                .contains("+typing=active")
                .endsWith(" :alice!alice@192.0.2.1 TAGMSG #a");
        assertThat(bench.take(carol)).isEmpty();
    }

    @Test
    void messagingBeforeRegistrationIsAnswered451() {
        Session stranger = bench.connect();

        assertThat(bench.ask(stranger, "PRIVMSG #a :hi"))
                .containsExactly(":parley.local 451 * :You have not registered");
    }

    @Test
    void withSyncDurabilityAMessageReachesTheRoomOnlyOnceStored() {
        CommandBench sync = new CommandBench(MessagingCommandsTest::syncDurability);
        Session alice = sync.register("alice");
        Session bob = sync.register("bob");
        sync.send(alice, "JOIN #a");
        sync.send(bob, "JOIN #a");
        sync.take(alice);
        sync.sink().holdCommits();

        sync.send(bob, "PRIVMSG #a :durable");
        assertThat(sync.take(alice)).isEmpty();

        sync.sink().settleHeld(true);
        assertThat(sync.take(alice)).containsExactly(":bob!bob@192.0.2.2 PRIVMSG #a durable");
    }

    @Test
    void withSyncDurabilityAMessageThatCouldNotBeStoredIsNotDeliveredAndTheSenderIsTold() {
        CommandBench sync = new CommandBench(MessagingCommandsTest::syncDurability);
        Session alice = sync.register("alice");
        Session bob = sync.register("bob");
        sync.send(alice, "JOIN #a");
        sync.send(bob, "JOIN #a");
        sync.take(alice);
        sync.take(bob);
        sync.sink().holdCommits();

        sync.send(bob, "PRIVMSG #a :lost");
        sync.send(bob, "PING waits");
        assertThat(sync.take(bob)).isEmpty();
        sync.sink().settleHeld(false);

        assertThat(sync.take(bob))
                .containsExactly(
                        ":parley.local FAIL PRIVMSG MESSAGE_ERROR #a :Not sent: the message could not be stored; try again",
                        ":parley.local PONG parley.local waits");
        assertThat(sync.take(alice)).isEmpty();
    }

    private static ParleyConfig syncDurability(ParleyConfig config) {
        HistoryConfig h = config.history();
        return config.withHistory(new HistoryConfig(
                h.enabled(),
                h.flushInterval(),
                h.batchSize(),
                h.queueCapacity(),
                h.maxPageSize(),
                h.defaultPageSize(),
                HistoryConfig.Durability.SYNC,
                h.spillMaxBytes(),
                h.retentionMaxAge(),
                h.retentionMaxMessages(),
                h.retentionInterval(),
                h.commitTimeout()));
    }
}
