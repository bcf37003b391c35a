package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.config.Secret;
import dev.parley.server.store.Account;
import dev.parley.server.store.jdbc.JdbcStorage;
import dev.parley.server.store.jdbc.SqliteStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins, registrations and their limits on a real SQLite store, with time moved by the test. */
class AccountsOnSqliteIT {

    private static final AccountsConfig CONFIG = new AccountsConfig(
            AccountsConfig.Registration.AFTER_CONNECT, 4, 8, 3, Duration.ofMinutes(1), 2, Duration.ofHours(1));

    /** Three failures per account (every address) and per address (every account), as CONFIG per pair. */
    private static final AuthConfig AUTH =
            new AuthConfig(Optional.empty(), "admin", Secret.of("admin-password"), List.of(), 3, 3, 1, 8);

    @TempDir
    Path dataDir;

    private final AtomicLong nanos = new AtomicLong();
    private JdbcStorage storage;
    private Accounts accounts;

    @BeforeEach
    void open() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        accounts = new Accounts(
                storage.accounts(),
                new PasswordHasher(CONFIG.bcryptCost()),
                CONFIG,
                AUTH,
                CaseMapping.RFC1459,
                Runnable::run,
                PasswordChecks.inline(),
                Clock.systemUTC(),
                nanos::get);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void aRegisteredAccountLogsInWithItsPasswordOnly() {
        assertThat(accounts.register("alice", "sesame-seed", "10.0.0.1").join())
                .isInstanceOf(RegisterOutcome.Created.class);

        assertThat(accounts.loginNow("ALICE", "sesame-seed", "10.0.0.1")).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(accounts.loginNow("alice", "sesame", "10.0.0.1")).isInstanceOf(LoginOutcome.Refused.class);
        assertThat(accounts.loginNow("nobody", "sesame-seed", "10.0.0.1")).isInstanceOf(LoginOutcome.Refused.class);
    }

    @Test
    void failedLoginsAreLimitedPerAccountFromEveryAddress() {
        accounts.register("alice", "sesame-seed", "10.0.0.1").join();
        for (int i = 1; i <= 3; i++) {
            assertThat(accounts.loginNow("alice", "guess", "10.0.0." + (10 + i)))
                    .isInstanceOf(LoginOutcome.Refused.class);
        }

        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.99")).isInstanceOf(LoginOutcome.Throttled.class);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.99")).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void anAttackFromElsewhereDoesNotLockOutAnAddressTheAccountLoggedInFromBefore() {
        accounts.register("alice", "sesame-seed", "10.0.0.1").join();
        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.1")).isInstanceOf(LoginOutcome.LoggedIn.class);
        for (int i = 1; i <= 10; i++) {
            accounts.loginNow("alice", "guess", "10.0.0." + (10 + i));
        }

        assertThat(accounts.isKnown("ALICE", "10.0.0.1")).isTrue();
        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.1")).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.99")).isInstanceOf(LoginOutcome.Throttled.class);
    }

    @Test
    void guessesAtAccountsThatDoNotExistCountOnlyPerNameAndAddress() {
        accounts.register("alice", "sesame-seed", "10.0.0.1").join();
        for (int i = 0; i < 10; i++) {
            accounts.loginNow("nobody" + i, "guess", "10.6.6.6");
        }

        assertThat(accounts.loginNow("alice", "sesame-seed", "10.6.6.6")).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void failedLoginsAreLimitedPerAddressAcrossAccounts() {
        accounts.register("alice", "sesame-seed", "10.0.0.1").join();
        accounts.register("bob", "open-sesame", "10.0.0.2").join();
        accounts.register("carol", "open-sesame", "10.0.0.3").join();
        for (String name : List.of("alice", "bob", "carol")) {
            accounts.loginNow(name, "guess", "10.6.6.6");
        }

        assertThat(accounts.loginNow("bob", "open-sesame", "10.6.6.6")).isInstanceOf(LoginOutcome.Throttled.class);
        assertThat(accounts.loginNow("bob", "open-sesame", "10.0.0.2")).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(accounts.refusedFor("carol", "10.6.6.6")).isPositive();
    }

    @Test
    void aSuccessfulLoginForgetsThatAddressesFailures() {
        accounts.register("alice", "sesame-seed", "10.0.0.1").join();
        accounts.loginNow("alice", "guess", "10.0.0.2");
        accounts.loginNow("alice", "guess", "10.0.0.2");
        accounts.loginNow("alice", "sesame-seed", "10.0.0.2");

        accounts.loginNow("alice", "guess", "10.0.0.2");
        accounts.loginNow("alice", "guess", "10.0.0.2");
        assertThat(accounts.loginNow("alice", "sesame-seed", "10.0.0.2")).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void registrationsAreLimitedPerAddressAndNamesAreUnique() {
        assertThat(accounts.register("alice", "sesame-seed", "10.0.0.1").join())
                .isInstanceOf(RegisterOutcome.Created.class);
        assertThat(accounts.register("ALICE", "sesame-seed", "10.0.0.2").join())
                .isInstanceOf(RegisterOutcome.Exists.class);
        assertThat(accounts.register("bob", "sesame-seed", "10.0.0.1").join())
                .isInstanceOf(RegisterOutcome.Created.class);

        assertThat(accounts.register("carol", "sesame-seed", "10.0.0.1").join())
                .isInstanceOf(RegisterOutcome.Throttled.class);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(accounts.register("carol", "sesame-seed", "10.0.0.1").join())
                .isInstanceOf(RegisterOutcome.Created.class);
    }

    @Test
    void theAdminAccountIsCreatedOnceFromTheConfigWithTheOperatorFlag() {
        AuthConfig auth = new AuthConfig(Optional.empty(), "admin", Secret.of("first-password"), List.of());
        accounts.ensureAdmin(auth);
        accounts.ensureAdmin(new AuthConfig(Optional.empty(), "admin", Secret.of("second-password"), List.of()));

        Account admin = storage.accounts().find("admin").orElseThrow();
        assertThat(admin.operator()).isTrue();
        assertThat(accounts.loginNow("admin", "first-password", "10.0.0.1")).isInstanceOf(LoginOutcome.LoggedIn.class);
        assertThat(accounts.loginNow("admin", "second-password", "10.0.0.1")).isInstanceOf(LoginOutcome.Refused.class);
    }

    @Test
    void aBcryptHashInTheConfigIsStoredAsItIs() {
        String hash = new PasswordHasher(4).hash("hashed-admin-password");
        accounts.ensureAdmin(new AuthConfig(Optional.empty(), "boss", Secret.of(hash), List.of()));

        assertThat(storage.accounts().find("boss").orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(accounts.loginNow("boss", "hashed-admin-password", "10.0.0.1"))
                .isInstanceOf(LoginOutcome.LoggedIn.class);
    }
}
