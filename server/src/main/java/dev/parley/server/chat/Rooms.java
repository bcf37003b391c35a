package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.Room.JoinOutcome;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** All rooms of this server, by casefolded name. Rooms are created on first join and close when empty. */
public final class Rooms {

    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private final CaseMapping caseMapping;
    private final Clock clock;
    private final RoomRecords records;
    private final RoomWatch watch;
    private final MemberEvents events;
    private final RemoteMembers remote;
    private final RoomStates states;

    /** Rooms whose registered state is kept in the heap only. */
    public Rooms(CaseMapping caseMapping, Clock clock) {
        this(caseMapping, clock, RoomRecords.inMemory(caseMapping));
    }

    public Rooms(CaseMapping caseMapping, Clock clock, RoomRecords records) {
        this(caseMapping, clock, records, RoomWatch.NONE);
    }

    /** Rooms whose opening and closing on this node {@code watch} hears of (a cluster node's bus). */
    public Rooms(CaseMapping caseMapping, Clock clock, RoomRecords records, RoomWatch watch) {
        this(caseMapping, clock, records, watch, MemberEvents.NONE, RemoteMembers.NONE, RoomStates.NONE);
    }

    /**
     * A cluster node's rooms: what happens in them here goes to the other nodes through {@code
     * events}, and {@code remote} knows their members on the other nodes.
     */
    public Rooms(
            CaseMapping caseMapping,
            Clock clock,
            RoomRecords records,
            RoomWatch watch,
            MemberEvents events,
            RemoteMembers remote,
            RoomStates states) {
        this.states = states;
        this.events = events;
        this.remote = remote;
        this.caseMapping = caseMapping;
        this.clock = clock;
        this.records = records;
        this.watch = watch;
    }

    /** Where this node's room events go for the other nodes (none on a single node). */
    public MemberEvents events() {
        return events;
    }

    /** The rooms' members on other nodes (none on a single node). */
    public RemoteMembers remote() {
        return remote;
    }

    /**
     * What to join {@code name} with: when the room is not open here but lives on other nodes of a
     * cluster, its state there (asked of Redis; completes later); else at once, empty.
     */
    public CompletableFuture<Optional<SharedRoomState>> stateFor(String name) {
        String key = caseMapping.fold(name);
        if (byKey.containsKey(key) || records.find(key).isPresent()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return states.elsewhere(key);
    }

    /**
     * The rooms that live on other nodes of a cluster and not here (asked of Redis; completes later),
     * all of them or, when {@code names} is not null, those of these names.
     */
    public CompletableFuture<List<RoomElsewhere>> onlyElsewhere(List<String> names) {
        List<String> keys =
                names == null ? null : names.stream().map(caseMapping::fold).toList();
        return states.onlyElsewhere(byKey::containsKey, keys);
    }

    /** A room not open here as it lives on other nodes of a cluster (asked of Redis; completes later). */
    public CompletableFuture<Optional<RoomElsewhere>> elsewhere(String name) {
        return states.roomElsewhere(caseMapping.fold(name), name);
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(byKey.get(caseMapping.fold(name)));
    }

    /**
     * Joins the user to the room, creating it when it does not exist: from its record when it is
     * registered, otherwise new, and founded by the user's account when they are logged in and
     * the account has not founded its limit of rooms.
     */
    public JoinOutcome join(String name, ChatUser user, String givenKey) {
        return join(name, user, givenKey, Optional.empty());
    }

    /** Like {@link #join(String, ChatUser, String)}; a room created here takes on {@code elsewhere}. */
    public JoinOutcome join(String name, ChatUser user, String givenKey, Optional<SharedRoomState> elsewhere) {
        String key = caseMapping.fold(name);
        while (true) {
            boolean[] created = {false};
            Room room = byKey.computeIfAbsent(key, k -> {
                created[0] = true;
                return create(k, name, user, elsewhere);
            });
            if (created[0]) {
                watch.opened(key);
            }
            int membersElsewhere = Math.max(
                    remote.in(key).size(),
                    elsewhere.map(SharedRoomState::membersElsewhere).orElse(0));
            JoinOutcome outcome = room.join(user, givenKey, membersElsewhere);
            if (outcome instanceof JoinOutcome.Refused && room.closeIfUnused()) {
                closeIfEmpty(room); // opened for this join alone (a registered room, or one living elsewhere)
            }
            if (!(outcome instanceof JoinOutcome.Closed)) {
                return outcome;
            }
            closeIfEmpty(room);
        }
    }

    private Room create(String key, String name, ChatUser creator, Optional<SharedRoomState> elsewhere) {
        Optional<Room> registered = records.find(key).map(stored -> RoomRecords.restore(stored, name, caseMapping));
        if (registered.isPresent()) {
            return registered.get();
        }
        Room room = new Room(name, caseMapping, clock.instant().getEpochSecond());
        if (elsewhere.isPresent()) {
            room.adopt(elsewhere.get());
            return room;
        }
        if (creator.account() != null && records.mayFound(creator.account())) {
            room.found(creator.account());
            records.save(room);
        }
        return room;
    }

    /** Keeps a registered room's changed state (topic, modes, lists, operator accounts); never blocks. */
    public void remember(Room room) {
        records.save(room);
    }

    /** Removes the user from the room; drops the room when it emptied. */
    public boolean leave(Room room, ChatUser user) {
        boolean removed = room.remove(user);
        closeIfEmpty(room);
        return removed;
    }

    private void closeIfEmpty(Room room) {
        if (room.isClosed() && byKey.remove(room.key(), room)) {
            watch.closed(room.key());
        }
    }

    public Collection<Room> all() {
        return byKey.values();
    }

    public int count() {
        return byKey.size();
    }
}
