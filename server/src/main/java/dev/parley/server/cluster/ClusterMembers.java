package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomElsewhere;
import dev.parley.server.chat.RoomStates;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.SharedRoomState;
import dev.parley.server.chat.UserEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's members, as the other nodes learn of them. Each event (JOIN, PART, QUIT, NICK,
 * AWAY, TOPIC, MODE) crosses the room's bus in the room's order, as a KICK does; each member's
 * record is also kept in the room's Redis hash ({@code HSET} on join and change, {@code HDEL} on
 * leaving), written before the event is published, so a node opening the room later fetches it.
 * Called on event loops: every Redis call is asynchronous.
 */
final class ClusterMembers implements MemberEvents, BusEvents, MemberRecords, RoomStates {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembers.class);

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final Executor thread;
    private final ClusterRoomBus bus;
    private final MemberView view;
    private final LivingMembers living;
    private final ClusterUsers users;
    private volatile HeardEvents heard;
    private volatile Rooms rooms;
    private volatile Nicks nicks;

    ClusterMembers(
            RedisLink redis,
            ClusterKeys keys,
            String nodeId,
            Executor thread,
            ClusterRoomBus bus,
            MemberView view,
            ClusterNickLeases leases,
            ClusterUsers users) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.thread = thread;
        this.bus = bus;
        this.view = view;
        this.users = users;
        this.living = new LivingMembers(redis, keys, nodeId, leases);
    }

    @Override
    public void online(ChatUser user) {
        users.here(user);
    }

    @Override
    public void joined(Room room, ChatUser member, MemberStatus status, IrcMessage join) {
        String record = MemberCodec.encode(RemoteMember.of(nodeId, member, status));
        keep(room.key(), member.nick(), record);
        keepState(room);
        listed(room);
        announce(room.key(), "-", record, join);
    }

    @Override
    public void left(Room room, ChatUser member, IrcMessage part) {
        forget(room.key(), member.nick());
        announce(room.key(), "-", "-", part);
    }

    @Override
    public void quit(ChatUser user, Collection<Room> rooms, IrcMessage quit) {
        users.gone(user.nick());
        String all = roomList(rooms);
        for (Room room : rooms) {
            forget(room.key(), user.nick());
            announce(room.key(), all, "-", quit);
        }
    }

    @Override
    public void changed(ChatUser user, String oldNick, Collection<Room> rooms, IrcMessage line) {
        if (!view.fold(oldNick).equals(view.fold(user.nick()))) {
            users.gone(oldNick);
        }
        users.here(user);
        String all = roomList(rooms);
        for (Room room : rooms) {
            if (!view.fold(oldNick).equals(view.fold(user.nick()))) {
                forget(room.key(), oldNick);
            }
            rewrite(room, user);
            announce(room.key(), all, "-", line);
        }
    }

    @Override
    public void roomChanged(Room room, IrcMessage line) {
        keepState(room);
        announce(room.key(), "-", "-", line);
        if (line.command().equals("MODE")) {
            thread.execute(() -> heard.privilegesElsewhere(room, line));
        }
    }

    @Override
    public void invited(Room room) {
        keepState(room);
    }

    /** Who applies the other nodes' events here; set once both are built. */
    void attach(HeardEvents events) {
        this.heard = events;
    }

    void attach(Rooms chatRooms, Nicks chatNicks) {
        this.rooms = chatRooms;
        this.nicks = chatNicks;
    }

    /** A lost node's users are no longer listed for WHOIS. */
    @Override
    public void forgetNode(String node) {
        users.forgetNode(node);
    }

    /**
     * Redis is back: the other nodes may have taken this node for lost and shown its members QUIT,
     * so each member joins its rooms again for them (a node that still knew it shows nothing).
     */
    void rejoinAll() {
        Rooms here = rooms;
        if (here == null) {
            return;
        }
        Nicks holders = nicks;
        if (holders != null) {
            holders.all().stream().filter(ChatUser::isRegistered).forEach(users::here);
        }
        for (Room room : here.all()) {
            room.members()
                    .forEach((member, status) -> joined(
                            room,
                            member,
                            status,
                            UserEvent.from(
                                    member,
                                    "JOIN",
                                    room.name(),
                                    member.account() == null ? "*" : member.account(),
                                    member.realname())));
        }
    }

    @Override
    public void rewrite(Room room, ChatUser member) {
        room.status(member)
                .ifPresent(status ->
                        keep(room.key(), member.nick(), MemberCodec.encode(RemoteMember.of(nodeId, member, status))));
    }

    @Override
    public void heard(String roomKey, RoomEvent event) {
        heard.heard(roomKey, event);
    }

    @Override
    public void kickHeard(String roomKey, IrcMessage kick) {
        heard.kicked(roomKey, kick);
    }

    /** A KICK of a member of this node: it leaves the room's hash (the KICK itself crosses as before). */
    @Override
    public void kickedHere(String roomKey, String nick) {
        forget(roomKey, nick);
    }

    /** The room opened here: fetch who the other nodes have in it (on the cluster thread). */
    @Override
    public void opened(String roomKey) {
        boolean again = !view.opened(roomKey);
        living.of(roomKey)
                .whenCompleteAsync(
                        (found, failure) -> {
                            if (failure != null) {
                                log.warn(
                                        "[{}] could not read the room's members on other nodes: {}",
                                        roomKey,
                                        failure.getMessage());
                            } else if (view.isOpen(roomKey)) {
                                view.fetched(roomKey, found, again);
                            }
                        },
                        thread);
    }

    /** The room closed here: its members elsewhere are no longer followed. */
    @Override
    public void closed(String roomKey) {
        view.closed(roomKey);
    }

    /** Every node does it for a lost node; deleting twice is harmless. */
    @Override
    public void forgetAll(Map<RemoteMember, List<String>> gone) {
        gone.forEach((member, roomKeys) -> {
            for (String roomKey : roomKeys) {
                forget(roomKey, member.nick());
            }
        });
    }

    /**
     * The room's state, when members of other nodes are in it (their records, believed while their
     * node holds their nick): a room whose last member left anywhere starts afresh.
     */
    @Override
    public CompletableFuture<Optional<SharedRoomState>> elsewhere(String roomKey) {
        return lookup(roomKey, roomKey).thenApply(found -> found.map(RoomElsewhere::state));
    }

    /** The room as it lives on the other nodes, under the name it was created with; empty when it does not. */
    @Override
    public CompletableFuture<Optional<RoomElsewhere>> roomElsewhere(String roomKey, String name) {
        return redis.commands()
                .hget(keys.roomDirectory(), roomKey)
                .handle((created, failure) -> created == null ? name : created)
                .thenCompose(shown -> lookup(roomKey, shown))
                .toCompletableFuture();
    }

    /**
     * Asks the directory for the rooms that are not open here, then each one's state and living
     * members; a room with none left anywhere leaves the directory.
     */
    @Override
    public CompletableFuture<List<RoomElsewhere>> onlyElsewhere(Predicate<String> openHere, List<String> names) {
        return redis.commands()
                .hgetall(keys.roomDirectory())
                .thenCompose(directory -> {
                    Map<String, CompletableFuture<Optional<RoomElsewhere>>> found = new LinkedHashMap<>();
                    directory.forEach((roomKey, name) -> {
                        if (!openHere.test(roomKey) && (names == null || names.contains(roomKey))) {
                            found.put(roomKey, lookup(roomKey, name));
                        }
                    });
                    return CompletableFuture.allOf(found.values().toArray(CompletableFuture[]::new))
                            .thenApply(done -> living(found));
                })
                .toCompletableFuture();
    }

    private List<RoomElsewhere> living(Map<String, CompletableFuture<Optional<RoomElsewhere>>> found) {
        List<RoomElsewhere> rooms = new ArrayList<>();
        found.forEach((roomKey, room) -> {
            Optional<RoomElsewhere> read = room.join();
            if (read.isPresent()) {
                rooms.add(read.get());
            } else {
                redis.commands().hdel(keys.roomDirectory(), roomKey);
            }
        });
        return rooms;
    }

    /** The room's living members elsewhere and its state, or empty when it has none. */
    private CompletableFuture<Optional<RoomElsewhere>> lookup(String roomKey, String name) {
        return living.of(roomKey)
                .thenCompose(found -> found.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<RoomElsewhere>empty())
                        : redis.commands()
                                .get(keys.roomState(roomKey))
                                .thenApply(state -> Optional.ofNullable(
                                                state == null ? null : RoomStateCodec.decode(state))
                                        .map(read -> new RoomElsewhere(
                                                name,
                                                read.withMembersElsewhere(found.size()),
                                                List.copyOf(found.values())))))
                .handle((room, failure) -> {
                    if (failure != null) {
                        log.warn("[{}] could not read the room on other nodes: {}", roomKey, failure.getMessage());
                        return Optional.<RoomElsewhere>empty();
                    }
                    return room;
                })
                .toCompletableFuture();
    }

    private void listed(Room room) {
        redis.commands().hset(keys.roomDirectory(), room.key(), room.name()).exceptionally(failure -> {
            log.warn("[{}] the room could not be listed for the other nodes: {}", room.key(), failure.getMessage());
            return false;
        });
    }

    private void keepState(Room room) {
        redis.commands()
                .set(keys.roomState(room.key()), RoomStateCodec.encode(room.sharedState()))
                .exceptionally(failure -> {
                    log.warn(
                            "[{}] the room's state could not be kept for the other nodes: {}",
                            room.key(),
                            failure.getMessage());
                    return null;
                });
    }

    private void keep(String roomKey, String nick, String record) {
        redis.commands()
                .hset(keys.roomMembers(roomKey), view.fold(nick), record)
                .exceptionally(failure -> {
                    log.warn(
                            "[{}] {} could not be listed for the other nodes: {}", roomKey, nick, failure.getMessage());
                    return false;
                });
    }

    private void forget(String roomKey, String nick) {
        redis.commands().hdel(keys.roomMembers(roomKey), view.fold(nick)).exceptionally(failure -> {
            log.warn("[{}] {} could not be unlisted for the other nodes: {}", roomKey, nick, failure.getMessage());
            return 0L;
        });
    }

    /** "rooms member line": the rooms the event touches (for QUIT, NICK, AWAY), the joiner's record, the line. */
    private void announce(String roomKey, String rooms, String record, IrcMessage line) {
        bus.announce(roomKey, RoomEvent.KIND, rooms + ' ' + record + ' ' + IrcSerializer.serialize(line));
    }

    private static String roomList(Collection<Room> rooms) {
        return rooms.isEmpty() ? "-" : rooms.stream().map(Room::key).collect(Collectors.joining(","));
    }
}
