package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MultilineText;
import dev.parley.server.chat.Rooms;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryReplies;
import dev.parley.server.store.Playback;
import dev.parley.server.store.StoredMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's positions that never came over the bus (lost on a reconnect, or while this node was cut
 * from Redis), read back from the shared database, where the node they came from stored them: the
 * messages among them go out in their places, in order, with their msgid and time; the rest
 * (events, which are not stored, and messages not stored yet) are given up on. The read runs on the
 * history's read pool; everything about the order runs on the cluster thread.
 */
final class GapRepair {

    private static final Logger log = LoggerFactory.getLogger(GapRepair.class);

    /** The most positions one repair reads back; a longer gap is given up on past that. */
    static final int MAX_REPAIR = 500;

    /** Rows read beyond the positions heard: messages stored meanwhile, newer than the gap. */
    static final int REPAIR_SLACK = 200;

    private final Executor thread;
    private final ClusterMetrics metrics;
    private volatile History history;
    private volatile Delivery delivery;
    private volatile Rooms rooms;

    GapRepair(Executor thread, ClusterMetrics metrics) {
        this.thread = thread;
        this.metrics = metrics;
    }

    void attach(History stored) {
        this.history = stored;
    }

    void attach(Delivery chatDelivery, Rooms chatRooms) {
        this.delivery = chatDelivery;
        this.rooms = chatRooms;
    }

    /**
     * Fills the positions from the next one due up to {@code upTo}; {@code due} then gets what can go
     * out, on the cluster thread, unless {@code current} says the order was dropped meanwhile.
     */
    void repair(
            String roomKey, RoomOrder order, long upTo, Predicate<RoomOrder> current, Consumer<List<Runnable>> due) {
        History stored = history;
        long from = order.next();
        if (stored == null || !stored.enabled() || upTo - from >= MAX_REPAIR) {
            due.accept(settle(roomKey, order, from, upTo, Map.of()));
            return;
        }
        order.repairing(true);
        int newest = (int) Math.min(MAX_REPAIR, Math.max(upTo, order.highest()) - from + 1) + REPAIR_SLACK;
        stored.latest(roomKey, Optional.empty(), newest, Playback.EVENTS)
                .whenCompleteAsync(
                        (found, failure) -> {
                            order.repairing(false);
                            if (!current.test(order)) {
                                return;
                            }
                            Map<Long, Runnable> placed = new HashMap<>();
                            if (failure != null) {
                                log.warn(
                                        "[{}] could not read missing positions back: {}",
                                        roomKey,
                                        failure.getMessage());
                            } else {
                                for (StoredMessage message : found) {
                                    if (message.position() >= from && !Playback.TOPIC.equals(message.command())) {
                                        placed.put(message.position(), () -> deliver(roomKey, message));
                                    }
                                }
                            }
                            due.accept(settle(roomKey, order, from, upTo, placed));
                        },
                        thread);
    }

    private List<Runnable> settle(String roomKey, RoomOrder order, long from, long upTo, Map<Long, Runnable> placed) {
        RoomOrder.Filled filled = order.fill(placed, upTo, System.nanoTime());
        metrics.skippedPositions.add(filled.skipped());
        metrics.repairedPositions.add(filled.repaired());
        if (filled.skipped() > 0) {
            log.warn(
                    "[{}] positions {} to {}: {} read back from the database, {} never arrived (events, or not"
                            + " stored); delivering on",
                    roomKey,
                    from,
                    upTo,
                    filled.repaired(),
                    filled.skipped());
        } else if (filled.repaired() > 0) {
            log.info("[{}] positions {} to {} read back from the database", roomKey, from, upTo);
        }
        return filled.due();
    }

    /** A message read back from the database: to this node's members, as the bus would have brought it. */
    private void deliver(String roomKey, StoredMessage message) {
        IrcMessage line = HistoryReplies.replay(message);
        MultilineText multiline = MultilineText.fromStored(message.text(), message.tags());
        rooms.find(roomKey).ifPresent(room -> {
            List<ChatUser> hearers = room.hearers('\0');
            if (!hearers.isEmpty()) {
                delivery.deliverFromBus(line, multiline, hearers);
                metrics.crossNodeDeliveries.increment();
            }
        });
    }
}
