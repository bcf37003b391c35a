package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.ParseResult;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MultilineText;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RoomBus;
import dev.parley.server.chat.RoomPost;
import dev.parley.server.chat.RoomWatch;
import dev.parley.server.chat.Rooms;
import dev.parley.server.history.History;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room messages across nodes. A message gets its room position (and a server time that only grows
 * with it) from one Redis script, is stored once by the node it came from, crosses the bus once on
 * the room's sharded channel, and every node (this one included) delivers the room's messages in
 * position order through a {@link RoomOrder}. A node listens only to rooms it has members in.
 * Everything about order runs on the one cluster thread, so it needs no lock.
 */
final class ClusterRoomBus implements RoomBus, RoomWatch {

    private static final Logger log = LoggerFactory.getLogger(ClusterRoomBus.class);

    /** How long a missing position may hold back later ones before the database is asked for it. */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final ScheduledExecutorService thread;
    private final ClusterMetrics metrics;
    private final Map<String, RoomOrder> orders = new HashMap<>();
    private volatile Delivery delivery;
    private volatile Rooms rooms;
    private volatile Nicks nicks;
    private volatile boolean warnedUnordered;
    private volatile BusEvents events;
    private final GapRepair gaps;

    ClusterRoomBus(
            RedisLink redis, ClusterKeys keys, String nodeId, ScheduledExecutorService thread, ClusterMetrics metrics) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.thread = thread;
        this.metrics = metrics;
        this.gaps = new GapRepair(thread, metrics);
        redis.onShardedMessage(this::heard);
    }

    /** The chat core this bus delivers into, once it is built (it is built with this bus). */
    void attach(Delivery chatDelivery, Rooms chatRooms, Nicks chatNicks) {
        gaps.attach(chatDelivery, chatRooms);
        this.delivery = chatDelivery;
        this.rooms = chatRooms;
        this.nicks = chatNicks;
    }

    /** Where a gap's missing messages are read back from: the shared database's history. */
    void attach(History stored) {
        gaps.attach(stored);
    }

    /** Where membership events go: heard from other nodes, and this node's rooms opening. */
    void attach(BusEvents listener) {
        this.events = listener;
    }

    /** Listens for private messages to this node's users. */
    CompletionStage<Void> start() {
        return redis.pubsub().ssubscribe(keys.nodeChannel(nodeId));
    }

    @Override
    public void toUser(String node, String nick, IrcMessage line, MultilineText multiline, String senderIdentity) {
        String text = senderIdentity + ' ' + nick + ' ' + IrcSerializer.serialize(MultilineOnBus.wrap(line, multiline));
        redis.commands().spublish(keys.nodeChannel(node), text).exceptionally(failure -> {
            log.warn("a private message to {} on node {} was lost: {}", nick, node, failure.getMessage());
            return 0L;
        });
        metrics.published.increment();
    }

    /** "identity nick line" on this node's channel: to a user here, on the cluster thread. */
    private void toUserHere(String text) {
        String[] parts = text.split(" ", 3);
        if (parts.length < 3 || !(IrcParser.parse(parts[2]) instanceof ParseResult.Parsed parsed)) {
            return;
        }
        metrics.received.increment();
        MultilineOnBus.Unwrapped message = MultilineOnBus.unwrap(parsed.message());
        nicks.find(parts[1]).ifPresent(user -> {
            delivery.deliverFromElsewhere(message.line(), message.text(), user, parts[0]);
            metrics.crossNodeDeliveries.increment();
        });
    }

    @Override
    public void publish(RoomPost post) {
        long start = System.nanoTime();
        RoomPlaces.next(redis, keys, post.roomKey())
                .whenCompleteAsync(
                        (place, failure) -> {
                            metrics.lastSequenceNanos.set(System.nanoTime() - start);
                            try {
                                if (failure != null) {
                                    unordered(post, failure);
                                } else {
                                    placed(post.placed((Long) place.get(0), Instant.ofEpochMilli((Long) place.get(1))));
                                }
                            } catch (RuntimeException e) {
                                log.error("[{}] a room message could not be sent on", post.roomKey(), e);
                                post.whenDelivered().accept(post.line()); // its sender waits for it
                            }
                        },
                        thread);
    }

    /** On the cluster thread: store once, send to the other nodes, deliver here in order. */
    private void placed(RoomPost post) {
        long position = post.position();
        if (post.stored() != null) {
            delivery.store(post.stored());
        }
        String line = IrcSerializer.serialize(MultilineOnBus.wrap(post.line(), post.multiline()));
        redis.commands()
                .spublish(
                        keys.roomChannel(post.roomKey()),
                        new BusMessage(nodeId, post.roomKey(), position, post.statusPrefix(), line).encode())
                .exceptionally(failure -> {
                    log.warn(
                            "[{}] position {} did not reach the other nodes: {}",
                            post.roomKey(),
                            position,
                            failure.getMessage());
                    return 0L;
                });
        metrics.published.increment();
        RoomOrder order = orders.get(post.roomKey());
        if (order == null) {
            delivery.deliverPlaced(post);
            return;
        }
        run(order.offer(position, () -> delivery.deliverPlaced(post), System.nanoTime()));
        watchGap(post.roomKey(), order);
    }

    /**
     * A KICK already shown to this node's members: it takes a place in the room's order and goes to
     * the other nodes, which deliver it like a message (not stored); here the place only moves on.
     */
    void announce(String roomKey, IrcMessage line) {
        if (line.command().equals("KICK") && line.params().size() > 1 && events != null) {
            events.kickedHere(roomKey, line.params().get(1));
        }
        announce(roomKey, '\0', IrcSerializer.serialize(line));
    }

    /** An event ({@code kind} {@link RoomEvent#KIND}) or a KICK ('\0'), in the room's order, to the other nodes. */
    void announce(String roomKey, char kind, String text) {
        RoomPlaces.next(redis, keys, roomKey)
                .thenCompose(place -> redis.commands()
                        .spublish(
                                keys.roomChannel(roomKey),
                                new BusMessage(nodeId, roomKey, (Long) place.get(0), kind, text).encode())
                        .thenApply(receivers -> (Long) place.get(0)))
                .whenCompleteAsync(
                        (position, failure) -> {
                            RoomOrder order = orders.get(roomKey);
                            if (failure != null) {
                                log.warn(
                                        "[{}] a room event did not reach the other nodes: {}",
                                        roomKey,
                                        failure.getMessage());
                            } else if (order != null) {
                                run(order.offer(position, () -> {}, System.nanoTime()));
                                watchGap(roomKey, order);
                            }
                        },
                        thread);
    }

    /** Redis is away: this node's members get it at once, without a place in the room's order. */
    private void unordered(RoomPost post, Throwable failure) {
        metrics.unordered.increment();
        if (!warnedUnordered) {
            warnedUnordered = true;
            log.warn(
                    "[{}] Redis is unreachable ({}): room messages reach this node's members only, unordered,"
                            + " until it is back",
                    post.roomKey(),
                    failure.getMessage());
        }
        if (post.stored() != null) {
            delivery.store(post.stored());
        }
        delivery.deliverPlaced(post);
    }

    /** A message on a room channel (Lettuce thread): ordered and delivered on the cluster thread. */
    private void heard(String channel, String text) {
        try {
            take(channel, text);
        } catch (RejectedExecutionException stopping) {
            // the node is shutting down: what still arrives is dropped
        }
    }

    private void take(String channel, String text) {
        if (channel.equals(keys.nodeChannel(nodeId))) {
            thread.execute(() -> toUserHere(text));
            return;
        }
        BusMessage message = keys.isRoomChannel(channel) ? BusMessage.decode(text) : null;
        if (message == null || message.node().equals(nodeId)) {
            return;
        }
        thread.execute(() -> fromOtherNode(message));
    }

    private void fromOtherNode(BusMessage message) {
        metrics.received.increment();
        RoomOrder order = orders.get(message.roomKey());
        if (order == null) {
            return;
        }
        run(order.offer(message.position(), () -> deliverHere(message), System.nanoTime()));
        watchGap(message.roomKey(), order);
    }

    private void deliverHere(BusMessage message) {
        if (message.statusPrefix() == RoomEvent.KIND) {
            RoomEvent event = RoomEvent.decode(message.line());
            if (event != null && events != null) {
                events.heard(message.roomKey(), event);
            }
            return;
        }
        if (!(IrcParser.parse(message.line()) instanceof ParseResult.Parsed parsed)) {
            log.warn("[{}] unreadable line on the bus from node {}, dropped", message.roomKey(), message.node());
            return;
        }
        MultilineOnBus.Unwrapped unwrapped = MultilineOnBus.unwrap(parsed.message());
        IrcMessage line = unwrapped.line();
        if (line.command().equals("KICK") && events != null) {
            events.kickHeard(message.roomKey(), line);
        }
        rooms.find(message.roomKey()).ifPresent(room -> {
            List<ChatUser> hearers = room.hearers(message.statusPrefix());
            if (!hearers.isEmpty()) {
                delivery.deliverFromBus(line, unwrapped.text(), hearers);
                metrics.crossNodeDeliveries.increment();
            }
        });
    }

    private void watchGap(String roomKey, RoomOrder order) {
        if (order.gapOlderThan(System.nanoTime())) {
            thread.schedule(() -> skipIfStillMissing(roomKey), GAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void skipIfStillMissing(String roomKey) {
        RoomOrder order = orders.get(roomKey);
        if (order == null || !order.gapOlderThan(System.nanoTime() - GAP_TIMEOUT.toNanos())) {
            return;
        }
        repair(roomKey, order, order.gapEnd());
    }

    /**
     * The positions from the next one due up to {@code upTo} never came over the bus: read back from
     * the shared database by {@link GapRepair}, then delivery goes on.
     */
    private void repair(String roomKey, RoomOrder order, long upTo) {
        gaps.repair(roomKey, order, upTo, current -> orders.get(roomKey) == current, due -> {
            run(due);
            watchGap(roomKey, order);
        });
    }

    @Override
    public void opened(String roomKey) {
        thread.execute(() -> {
            listen(roomKey);
            if (events != null) {
                events.opened(roomKey);
            }
        });
    }

    @Override
    public void closed(String roomKey) {
        thread.execute(() -> {
            if (events != null) {
                events.closed(roomKey);
            }
            RoomOrder order = orders.remove(roomKey);
            if (order != null) {
                redis.pubsub().sunsubscribe(keys.roomChannel(roomKey));
                run(order.drain());
            }
        });
    }

    /** Subscribes first, then reads where the room stands: nothing sent after that read is missed. */
    private void listen(String roomKey) {
        RoomOrder order = orders.computeIfAbsent(roomKey, key -> new RoomOrder());
        redis.pubsub()
                .ssubscribe(keys.roomChannel(roomKey))
                .thenCompose(subscribed -> redis.commands().get(keys.roomSequence(roomKey)))
                .whenCompleteAsync(
                        (last, failure) -> {
                            if (orders.get(roomKey) != order) {
                                return;
                            }
                            if (failure != null) {
                                log.warn(
                                        "[{}] could not listen to the room on Redis: {}",
                                        roomKey,
                                        failure.getMessage());
                            }
                            long stands = last == null ? 0 : Long.parseLong(last);
                            if (!order.started()) {
                                run(order.start(stands, System.nanoTime()));
                            } else if (failure != null) {
                                return; // the next return of Redis listens again
                            } else if (stands < order.next() - 1) {
                                run(order.restart(stands)); // Redis came back empty: positions start again
                            } else if (stands >= order.next() && !order.repairing()) {
                                repair(roomKey, order, stands); // what the bus carried meanwhile is lost
                                return;
                            }
                            watchGap(roomKey, order);
                        },
                        thread);
    }

    /**
     * Redis is back: listen again to every room; what pub/sub carried while this node was away is
     * read back from the database up to where each room stands now.
     */
    void resume() {
        start();
        thread.execute(() -> {
            warnedUnordered = false;
            for (String roomKey : List.copyOf(orders.keySet())) {
                listen(roomKey);
                if (events != null) {
                    events.opened(roomKey); // its members elsewhere, read again
                }
            }
        });
    }

    private static void run(List<Runnable> deliveries) {
        for (Runnable delivery : deliveries) {
            delivery.run();
        }
    }
}
