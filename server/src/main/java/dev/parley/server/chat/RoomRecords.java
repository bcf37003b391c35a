package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.ModerationConfig;
import dev.parley.server.store.RoomStore;
import dev.parley.server.store.StoredRoom;
import dev.parley.server.store.StoredRoom.StoredMask;
import dev.parley.server.store.StoredRoom.StoredTopic;
import dev.parley.server.store.memory.InMemoryRoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lasting state of registered rooms (those an account founded). The heap copy is the truth:
 * a room is rebuilt from it when someone joins after it emptied or after a restart. Saves never
 * block: the caller's thread takes a snapshot and the store is written behind on {@code writer}.
 * Saves of one room coalesce, so at most one write per room waits: the queue is bounded by the
 * number of registered rooms. The writer must run tasks one at a time, in order (one thread).
 */
public final class RoomRecords {

    private static final Logger log = LoggerFactory.getLogger(RoomRecords.class);

    private final RoomStore store;
    private final Executor writer;
    private final CaseMapping caseMapping;
    private final int maxRoomsPerAccount;
    private final Map<String, StoredRoom> latest = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    /** @param maxRoomsPerAccount how many rooms one account may found */
    public RoomRecords(RoomStore store, Executor writer, CaseMapping caseMapping, int maxRoomsPerAccount) {
        this.store = store;
        this.writer = writer;
        this.caseMapping = caseMapping;
        this.maxRoomsPerAccount = maxRoomsPerAccount;
    }

    /** Records kept in the heap only, written at once: for tests and running without persistence. */
    public static RoomRecords inMemory(CaseMapping caseMapping) {
        return new RoomRecords(
                new InMemoryRoomStore(),
                Runnable::run,
                caseMapping,
                ModerationConfig.defaults().maxRoomsPerAccount());
    }

    /** Reads every registered room. Blocking: call once at server start, before listening. */
    public void load() {
        store.list().forEach(room -> latest.put(room.key(), room));
        log.info("{} registered rooms loaded", latest.size());
    }

    /** The registered room with this casefolded name, if any. */
    Optional<StoredRoom> find(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    /**
     * Whether the account may found one more room. Scans the records: room creation is rare next
     * to messages, and the records are bounded by this limit times the accounts.
     */
    boolean mayFound(String account) {
        long founded = latest.values().stream()
                .filter(room -> caseMapping.equal(room.founder(), account))
                .count();
        return founded < maxRoomsPerAccount;
    }

    /** Keeps the room's current state if it is registered; does nothing for other rooms. */
    public void save(Room room) {
        if (!room.isRegistered()) {
            return;
        }
        StoredRoom snapshot = snapshot(room);
        latest.put(snapshot.key(), snapshot);
        if (queued.add(snapshot.key())) {
            writer.execute(() -> write(snapshot.key()));
        }
    }

    private void write(String key) {
        queued.remove(key);
        StoredRoom room = latest.get(key);
        try {
            store.put(room);
        } catch (RuntimeException e) {
            log.warn("{}: could not store the room's state; it holds until restart", room.name(), e);
        }
    }

    /**
     * A room as its record describes it, with no members, named as {@code name} spells it: as with
     * any room, whoever opens it again sets the case of its name.
     */
    static Room restore(StoredRoom stored, String name, CaseMapping caseMapping) {
        Room room = new Room(name, caseMapping, stored.createdAtSeconds());
        RoomModes modes = new RoomModes(false, false, false, false, false, stored.modeKey(), stored.limit());
        for (char flag : stored.modes().toCharArray()) {
            modes = modes.withFlag(flag, true);
        }
        StoredTopic topic = stored.topic();
        room.restore(
                stored.founder(),
                stored.operators(),
                modes,
                topic == null ? null : new Topic(topic.text(), topic.setBy(), topic.setAtSeconds()));
        for (StoredMask mask : stored.masks()) {
            listOf(room, mask.list())
                    .add(new ListEntry(mask.mask(), mask.setBy(), mask.setAtSeconds()), Integer.MAX_VALUE);
        }
        return room;
    }

    static StoredRoom snapshot(Room room) {
        Topic topic = room.topic();
        RoomModes modes = room.modes();
        List<StoredMask> masks = new ArrayList<>();
        addMasks(masks, 'b', room.bans());
        addMasks(masks, 'e', room.banExceptions());
        addMasks(masks, 'I', room.inviteExceptions());
        return new StoredRoom(
                room.key(),
                room.name(),
                room.founder(),
                room.createdAtSeconds(),
                topic == null ? null : new StoredTopic(topic.text(), topic.setBy(), topic.setAtSeconds()),
                flags(modes),
                modes.key(),
                modes.limit(),
                masks,
                room.operatorAccounts());
    }

    private static void addMasks(List<StoredMask> masks, char list, MaskList entries) {
        for (ListEntry entry : entries.entries()) {
            masks.add(new StoredMask(list, entry.mask(), entry.setBy(), entry.setAtSeconds()));
        }
    }

    private static String flags(RoomModes modes) {
        return (modes.inviteOnly() ? "i" : "")
                + (modes.moderated() ? "m" : "")
                + (modes.noExternal() ? "n" : "")
                + (modes.secret() ? "s" : "")
                + (modes.topicLocked() ? "t" : "");
    }

    private static MaskList listOf(Room room, char list) {
        return switch (list) {
            case 'b' -> room.bans();
            case 'e' -> room.banExceptions();
            case 'I' -> room.inviteExceptions();
            default -> throw new IllegalArgumentException("not a list mode: " + list);
        };
    }
}
