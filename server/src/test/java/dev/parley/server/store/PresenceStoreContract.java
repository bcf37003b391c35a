package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PresenceStore} does: always-on presences kept and replaced, accounts' choices. */
public abstract class PresenceStoreContract {

    protected PresenceStore store;

    protected abstract PresenceStore newStore() throws Exception;

    protected void closeStore() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    protected static StoredPresence alys() {
        return new StoredPresence("alys", "Alys", "Alys", "Alys Ω Smith", List.of("#Lounge", "#dev-team", "#ünï"));
    }

    @Test
    void aNewStoreKeepsNothing() {
        assertThat(store.list()).isEmpty();
        assertThat(store.choices()).isEmpty();
    }

    @Test
    void aPresenceComesBackWithItsNickAndRoomsInOrder() {
        store.put(alys());

        assertThat(store.list()).containsExactly(alys());
    }

    @Test
    void aPutReplacesTheAccountsPresenceAndRemoveForgetsIt() {
        store.put(alys());
        StoredPresence moved = new StoredPresence("alys", "Alys", "alys_away", "", List.of());
        store.put(moved);
        store.put(new StoredPresence("bob", "bob", "bob", "Bob", List.of("#lounge")));

        assertThat(store.list())
                .containsExactlyInAnyOrder(moved, new StoredPresence("bob", "bob", "bob", "Bob", List.of("#lounge")));
        assertThat(store.remove("alys")).isTrue();
        assertThat(store.remove("alys")).isFalse();
        assertThat(store.list()).extracting(StoredPresence::accountKey).containsExactly("bob");
    }

    @Test
    void aChoiceIsRecordedChangedAndForgotten() {
        store.choose("alys", true);
        store.choose("bob", false);
        assertThat(store.choices()).isEqualTo(Map.of("alys", true, "bob", false));

        store.choose("alys", false);
        store.choose("bob", null);
        assertThat(store.choices()).isEqualTo(Map.of("alys", false));
    }
}
