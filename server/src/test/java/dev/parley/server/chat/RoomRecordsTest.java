package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.StoredRoom;
import dev.parley.server.store.StoredRoom.StoredMask;
import dev.parley.server.store.StoredRoom.StoredTopic;
import dev.parley.server.store.memory.InMemoryRoomStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomRecordsTest {

    private static final CaseMapping MAPPING = CaseMapping.RFC1459;

    private static StoredRoom lounge() {
        return new StoredRoom(
                "#lounge",
                "#Lounge",
                "alice",
                1_700_000_000L,
                new StoredTopic("Tea at five", "alice!a@h", 1_700_000_100L),
                "imt",
                "s3cret",
                50,
                List.of(
                        new StoredMask('b', "spam!*@*", "alice", 1L),
                        new StoredMask('e', "friend!*@*", "alice", 2L),
                        new StoredMask('I', "guest!*@*", "alice", 3L)),
                List.of("bob"));
    }

    @Test
    void aRestoredRoomSnapshotsBackToItsRecord() {
        Room room = RoomRecords.restore(lounge(), "#Lounge", MAPPING);

        assertThat(room.modes().render(true)).isEqualTo("+iklmt s3cret 50");
        assertThat(room.founder()).isEqualTo("alice");
        assertThat(RoomRecords.snapshot(room)).isEqualTo(lounge());
    }

    @Test
    void savesOfOneRoomCoalesceIntoOneQueuedWriteOfTheNewestState() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        List<Runnable> queued = new ArrayList<>();
        RoomRecords records = new RoomRecords(store, queued::add, MAPPING, 20);
        Room room = RoomRecords.restore(lounge(), "#Lounge", MAPPING);

        records.save(room);
        room.setTopic(new Topic("Changed", "alice!a@h", 5L));
        records.save(room);

        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(store.list())
                .singleElement()
                .extracting(r -> r.topic().text())
                .isEqualTo("Changed");
    }

    @Test
    void anOrdinaryRoomIsNotSaved() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        RoomRecords records = new RoomRecords(store, Runnable::run, MAPPING, 20);

        records.save(new Room("#pop-up", MAPPING, 1L));

        assertThat(store.list()).isEmpty();
    }

    @Test
    void anAccountMayFoundUpToTheLimitWhateverTheCaseOfItsName() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        store.put(lounge());
        RoomRecords records = new RoomRecords(store, Runnable::run, MAPPING, 1);
        records.load();

        assertThat(records.mayFound("ALICE")).isFalse();
        assertThat(records.mayFound("bob")).isTrue();
    }

    @Test
    void operatorAccountsAreKeptOnceAndNeverTheFounder() {
        Room room = RoomRecords.restore(lounge(), "#Lounge", MAPPING);

        assertThat(room.setOperatorAccount("BOB", true)).isFalse();
        assertThat(room.setOperatorAccount("carol", true)).isTrue();
        assertThat(room.setOperatorAccount("alice", true)).isFalse();
        assertThat(room.setOperatorAccount("bob", false)).isTrue();
        assertThat(room.operatorAccounts()).containsExactly("carol");
    }
}
