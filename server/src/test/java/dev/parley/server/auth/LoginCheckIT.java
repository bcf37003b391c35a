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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration check on a real SQLite store: which connections are admitted at once from the
 * account names in memory, and that a registered nick stays protected even when its account
 * cannot be read.
 */
class LoginCheckIT {

    private static final AccountsConfig CONFIG = new AccountsConfig(
            AccountsConfig.Registration.AFTER_CONNECT, 4, 8, 3, Duration.ofMinutes(1), 2, Duration.ofHours(1));

    @TempDir
    Path dataDir;

    private JdbcStorage storage;
    private Accounts accounts;
    private LoginCheck login;

    @BeforeEach
    void open() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        accounts = new Accounts(
                storage.accounts(),
                new PasswordHasher(CONFIG.bcryptCost()),
                CONFIG,
                AuthConfig.defaults(),
                CaseMapping.RFC1459,
                Runnable::run,
                PasswordChecks.inline(),
                Clock.systemUTC(),
                System::nanoTime);
        login = new LoginCheck(AuthConfig.defaults(), accounts);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void anUnregisteredNickWithTheServerPasswordIsAdmittedAtOnceOnlyOnceTheNamesAreLoaded() {
        assertThat(login.admitAtOnce("guest", "chat@123", null, "10.0.0.1")).isEmpty();
        accounts.names().reload();

        assertThat(login.admitAtOnce("guest", "chat@123", null, "10.0.0.1"))
                .containsInstanceOf(Admission.Admitted.class);
        assertThat(login.admitAtOnce("guest", "wrong", null, "10.0.0.1")).isEmpty();
    }

    @Test
    void aRegisteredNickIsNeverAdmittedAtOnceIncludingOneRegisteredAfterTheLoad() {
        storage.accounts()
                .create(new Account(
                        "alice", "$2a$04$abcdefghijklmnopqrstuuVq5c1gp4d9Z8M7z1c1y5u2HqOQGyPEa", false, Instant.now()));
        accounts.names().reload();
        accounts.register("bob", "sesame-seed", "10.0.0.2").join();

        assertThat(login.admitAtOnce("ALICE", "chat@123", null, "10.0.0.1")).isEmpty();
        assertThat(login.admitAtOnce("bob", "chat@123", null, "10.0.0.1")).isEmpty();
        assertThat(login.admit("bob", "chat@123", null, "10.0.0.1")).isInstanceOf(Admission.NickRegistered.class);
    }

    @Test
    void aNickKnownAsRegisteredStaysProtectedWhenItsAccountCannotBeRead() {
        accounts.register("carol", "sesame-seed", "10.0.0.3").join();
        accounts.names().reload();
        storage.close();

        assertThat(login.admit("carol", "chat@123", null, "10.0.0.1")).isInstanceOf(Admission.NickRegistered.class);
        accounts.names().reload(); // fails: the names known so far stay
        assertThat(accounts.names().isRegistered("Carol")).isTrue();
    }

    @Test
    void aBcryptServerPasswordAlwaysTakesTheSlowPath() {
        accounts.names().reload();
        String hash = new PasswordHasher(4).hash("chat@123");
        LoginCheck hashed = new LoginCheck(
                new AuthConfig(Optional.of(Secret.of(hash)), "admin", Secret.of("admin123"), List.of()), accounts);

        assertThat(hashed.admitAtOnce("guest", "chat@123", null, "10.0.0.1")).isEmpty();
        assertThat(hashed.admit("guest", "chat@123", null, "10.0.0.1")).isInstanceOf(Admission.Admitted.class);
    }
}
