package dev.parley.server.store;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccountStore} must do; each implementation's test extends this. */
public abstract class AccountStoreContract {

    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    protected AccountStore store;

    protected abstract AccountStore newStore() throws Exception;

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
    void aCreatedAccountIsFoundByItsNameInAnyCase() {
        Account alice = new Account("Alice[m]", HASH, false, at(10));
        assertThat(store.create(alice)).isTrue();

        assertThat(store.find("alice{M}")).contains(alice);
        assertThat(store.find("bob")).isEmpty();
    }

    @Test
    void aNameIsRegisteredOnceWhateverItsCase() {
        assertThat(store.create(new Account("alice", HASH, false, at(10)))).isTrue();
        assertThat(store.create(new Account("ALICE", HASH, true, at(20)))).isFalse();

        assertThat(store.list()).extracting(Account::name).containsExactly("alice");
    }

    @Test
    void passwordAndOperatorFlagChangeOnlyForAnExistingAccount() {
        store.create(new Account("alice", HASH, false, at(10)));
        String newHash = HASH.replace("abc", "xyz");

        assertThat(store.setPasswordHash("ALICE", newHash)).isTrue();
        assertThat(store.setOperator("alice", true)).isTrue();
        assertThat(store.setPasswordHash("nobody", newHash)).isFalse();
        assertThat(store.setOperator("nobody", true)).isFalse();
        assertThat(store.find("alice")).hasValueSatisfying(a -> {
            assertThat(a.passwordHash()).isEqualTo(newHash);
            assertThat(a.operator()).isTrue();
        });
    }

    @Test
    void deleteFoldsCaseAndSaysWhetherThereWasAnAccount() {
        store.create(new Account("alice", HASH, false, at(10)));
        store.create(new Account("bob", HASH, true, at(20)));

        assertThat(store.delete("nobody")).isFalse();
        assertThat(store.delete("ALICE")).isTrue();
        assertThat(store.list()).extracting(Account::name).containsExactly("bob");
        assertThat(store.find("alice")).isEmpty();
    }

    @Test
    void accountsAreListedByName() {
        store.create(new Account("carol", HASH, false, at(10)));
        store.create(new Account("alice", HASH, true, at(30)));
        store.create(new Account("bob", HASH, false, at(20)));

        assertThat(store.list()).extracting(Account::name).containsExactly("alice", "bob", "carol");
    }
}
