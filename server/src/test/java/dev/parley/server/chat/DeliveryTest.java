package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The one delivery path, without a server: what a room accepts, who hears it, what history keeps. */
class DeliveryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    private final List<StoredMessage> stored = new ArrayList<>();
    private final List<Consumer<Boolean>> waitingForCommit = new ArrayList<>();
    private final MessageSink history = new MessageSink() {
        @Override
        public boolean offer(StoredMessage message) {
            stored.add(message);
            return true;
        }

        @Override
        public boolean offer(StoredMessage message, Consumer<Boolean> whenDone) {
            stored.add(message);
            waitingForCommit.add(whenDone);
            return true;
        }
    };
    private final Room room = new Room("#general", CaseMapping.RFC1459, 0);
    private final RecordingUser alice = new RecordingUser("alice", CapabilitySet.NONE);
    private final RecordingUser bob = new RecordingUser("bob", CapabilitySet.NONE);
    private final RecordingUser carol = new RecordingUser("carol", CapabilitySet.of(List.of(Capability.MESSAGE_TAGS)));

    private Delivery delivery(boolean storesFirst) {
        return new Delivery(CLOCK, new MsgIds(), history, true, storesFirst, CaseMapping.RFC1459, ChatMetrics.NONE);
    }

    private void everyoneJoins() {
        room.join(alice, null);
        room.join(bob, null);
        room.join(carol, null);
    }

    @Test
    void aRoomMessageIsStampedOnceStoredFirstThenHeardByEveryOtherMember() {
        everyoneJoins();

        PostResult result = room.post(new ChatMessage(alice, "PRIVMSG", "hi", Map.of()), '\0', delivery(false));
        Outgoing outgoing = ((PostResult.Posted) result).outgoing();
        outgoing.send();

        assertThat(bob.lines).hasSize(1);
        assertThat(carol.lines).hasSize(1);
        assertThat(alice.lines)
                .as("the sender hears it only as an echo, which the command decides")
                .isEmpty();
        assertThat(bob.lines.get(0)).endsWith("PRIVMSG #general hi");
        String msgid = outgoing.line().tags().get("msgid");
        assertThat(stored).singleElement().satisfies(message -> {
            assertThat(message.msgid()).isEqualTo(msgid);
            assertThat(message.historyKey()).isEqualTo("#general");
            assertThat(message.time()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void aNonMemberIsRefusedByADefaultRoomAndNothingIsStoredOrSent() {
        room.join(bob, null);

        PostResult result = room.post(new ChatMessage(alice, "PRIVMSG", "hi", Map.of()), '\0', delivery(false));

        assertThat(result).isInstanceOf(PostResult.Refused.class);
        assertThat(((PostResult.Refused) result).numeric()).isEqualTo(Numeric.ERR_CANNOTSENDTOCHAN);
        assertThat(bob.lines).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void aStatusMessageReachesOnlyOperatorsAndIsNotKept() {
        everyoneJoins();
        room.setStatus(carol, MemberStatus.OPERATOR);

        Outgoing outgoing = ((PostResult.Posted)
                        room.post(new ChatMessage(alice, "NOTICE", "ops only", Map.of()), '@', delivery(false)))
                .outgoing();
        outgoing.send();

        assertThat(carol.lines).singleElement().asString().endsWith("NOTICE @#general :ops only");
        assertThat(bob.lines).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void aReactionSkipsMembersWithoutMessageTagsAndIsKeptWithEmptyText() {
        everyoneJoins();

        Outgoing outgoing = ((PostResult.Posted) room.post(
                        new ChatMessage(alice, "TAGMSG", null, Map.of("+draft/react", "👍", "+draft/reply", "m1")),
                        '\0',
                        delivery(false)))
                .outgoing();
        outgoing.send();

        assertThat(carol.lines).hasSize(1);
        assertThat(bob.lines).isEmpty();
        assertThat(stored).singleElement().satisfies(message -> {
            assertThat(message.command()).isEqualTo("TAGMSG");
            assertThat(message.text()).isEmpty();
            assertThat(message.tags()).containsEntry("+draft/react", "👍").containsEntry("+draft/reply", "m1");
        });
    }

    @Test
    void aTypingNotificationSkipsMembersWithoutMessageTagsAndIsNeverKept() {
        everyoneJoins();

        Outgoing outgoing = ((PostResult.Posted) room.post(
                        new ChatMessage(alice, "TAGMSG", null, Map.of("+typing", "active")), '\0', delivery(false)))
                .outgoing();
        outgoing.send();

        assertThat(carol.lines).hasSize(1);
        assertThat(bob.lines).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void withSyncDurabilityNobodyHearsAMessageBeforeItIsStored() {
        everyoneJoins();
        Outgoing outgoing = ((PostResult.Posted)
                        room.post(new ChatMessage(alice, "PRIVMSG", "durable", Map.of()), '\0', delivery(true)))
                .outgoing();

        assertThat(outgoing.storesFirst()).isTrue();
        List<Boolean> outcome = new ArrayList<>();
        outgoing.store(outcome::add);
        assertThat(bob.lines).isEmpty();

        waitingForCommit.forEach(callback -> callback.accept(true));
        assertThat(outcome).containsExactly(true);
        outgoing.deliver();
        assertThat(bob.lines).hasSize(1);
    }

    @Test
    void aPrivateMessageIsKeptUnderThePairsKeyWhicheverSideSends() {
        Delivery delivery = delivery(false);

        ((PostResult.Posted) delivery.post(new ChatMessage(alice, "PRIVMSG", "hello", Map.of()), bob))
                .outgoing()
                .send();
        ((PostResult.Posted) delivery.post(new ChatMessage(bob, "PRIVMSG", "hi back", Map.of()), alice))
                .outgoing()
                .send();

        assertThat(bob.lines).singleElement().asString().endsWith("PRIVMSG bob hello");
        assertThat(alice.lines).singleElement().asString().endsWith("PRIVMSG alice :hi back");
        assertThat(stored)
                .extracting(StoredMessage::historyKey)
                .containsOnly(stored.get(0).historyKey());
    }
}
