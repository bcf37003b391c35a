package dev.parley.server.store;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BanStore} must do; each implementation's test extends this. */
public abstract class BanStoreContract {

    protected BanStore store;

    protected abstract BanStore newStore() throws Exception;

    protected void closeStore() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    @Test
    void aNewStoreHasNoBans() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void bansAreListedOldestFirst() {
        Ban later = new Ban("*!*@spam.example", "spam", "admin", at(20));
        Ban earlier = new Ban("bob!*@*", "rude", "admin", at(10));
        store.put(later);
        store.put(earlier);

        assertThat(store.list()).containsExactly(earlier, later);
    }

    @Test
    void aBanOnTheSameMaskInOtherCaseReplacesTheOld() {
        store.put(new Ban("Bob!*@*", "first", "admin", at(10)));
        Ban replacement = new Ban("BOB!*@*", "second", "oper", at(20));
        store.put(replacement);

        assertThat(store.list()).containsExactly(replacement);
    }

    @Test
    void removeFoldsCaseAndSaysWhetherThereWasABan() {
        store.put(new Ban("bob[away]!*@*", "rude", "admin", at(10)));

        assertThat(store.remove("nobody!*@*")).isFalse();
        assertThat(store.remove("BOB{AWAY}!*@*")).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(store.remove("bob[away]!*@*")).isFalse();
    }

    @Test
    void aBanKeepsTheAccountAndAddressOfTheBannedUser() {
        Ban ban = new Ban("bob!*@*", "bob", "192.0.2.7", "spamming links", "admin", at(10));
        store.put(ban);

        assertThat(store.list()).containsExactly(ban);
    }
}
