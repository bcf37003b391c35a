package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.StoredRoom.StoredMask;
import dev.parley.server.store.StoredRoom.StoredTopic;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomStore} must do; each implementation's test extends this. */
public abstract class RoomStoreContract {

    protected RoomStore store;

    protected abstract RoomStore newStore() throws Exception;

    protected void closeStore() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    protected static StoredRoom lounge() {
        return new StoredRoom(
                "#lounge",
                "#Lounge",
                "alice",
                1_700_000_000L,
                new StoredTopic("Tea at five ☕", "alice!alice@192.0.2.7", 1_700_000_100L),
                "mnt",
                "s3cret",
                50,
                List.of(
                        new StoredMask('b', "spam!*@*", "alice", 1_700_000_200L),
                        new StoredMask('e', "friend!*@*", "alice", 1_700_000_300L),
                        new StoredMask('b', "a:troll", "bob", 1_700_000_400L),
                        new StoredMask('I', "guest!*@*", "alice", 1_700_000_500L)),
                List.of("bob", "Carol"));
    }

    @Test
    void aNewStoreHasNoRooms() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aRoomComesBackWithEveryField() {
        store.put(lounge());

        assertThat(store.list()).containsExactly(lounge());
    }

    @Test
    void aRoomWithoutTopicKeyOrListsComesBackSo() {
        StoredRoom bare = new StoredRoom("#bare", "#bare", "bob", 1L, null, "", null, 0, List.of(), List.of());
        store.put(bare);

        assertThat(store.list()).containsExactly(bare);
    }

    @Test
    void putReplacesTheWholeStateIncludingLists() {
        store.put(lounge());
        StoredRoom changed = new StoredRoom(
                "#lounge",
                "#Lounge",
                "alice",
                1_700_000_000L,
                null,
                "t",
                null,
                0,
                List.of(new StoredMask('b', "other!*@*", "alice", 2L)),
                List.of("dave"));

        store.put(changed);

        assertThat(store.list()).containsExactly(changed);
    }

    @Test
    void removeForgetsTheRoomAndSaysWhetherItWasThere() {
        store.put(lounge());
        store.put(new StoredRoom("#other", "#other", "bob", 1L, null, "nt", null, 0, List.of(), List.of("x")));

        assertThat(store.remove("#lounge")).isTrue();
        assertThat(store.remove("#lounge")).isFalse();
        assertThat(store.list()).extracting(StoredRoom::key).containsExactly("#other");
    }
}
