package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.AccountsConfig;
import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class AccountCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void registerCreatesAnAccountNamedForTheNickAndLogsTheUserIn() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "REGISTER * * correct-horse"))
                .containsExactly(
                        ":parley.local REGISTER SUCCESS alice :Account created",
                        ":parley.local 900 alice alice!alice@192.0.2.1 alice :You are now logged in as alice");
        assertThat(alice.account()).isEqualTo("alice");
        assertThat(bench.accountStore().find("ALICE")).isPresent();
    }

    @Test
    void registerTellsRoomMatesWithAccountNotify() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob", "account-notify");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        bench.take(bob);

        bench.send(alice, "REGISTER * * correct-horse");

        assertThat(bench.take(bob)).containsExactly(":alice!alice@192.0.2.1 ACCOUNT alice");
    }

    @Test
    void aShortPasswordIsRefusedAsWeak() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "REGISTER * * short"))
                .containsExactly(
                        ":parley.local FAIL REGISTER WEAK_PASSWORD alice :Passwords must be at least 8 characters long");
        assertThat(alice.account()).isNull();
    }

    @Test
    void anAccountNotNamedForTheNickIsRefused() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "REGISTER bob * correct-horse"))
                .containsExactly(
                        ":parley.local FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK bob :Your account is named for your nick; register as alice");
    }

    @Test
    void registeringTwiceIsRefusedAsAlreadyRegistered() {
        Session alice = bench.register("alice");
        bench.send(alice, "REGISTER * * correct-horse");

        assertThat(bench.ask(alice, "REGISTER * * correct-horse"))
                .containsExactly(
                        ":parley.local FAIL REGISTER ALREADY_REGISTERED alice :You are already logged in to an account");
    }

    @Test
    void registerBeforeConnectingIsRefusedUnlessConfigured() {
        Session early = bench.connect();
        bench.send(early, "NICK early");

        assertThat(bench.ask(early, "REGISTER * * correct-horse"))
                .containsExactly(
                        ":parley.local FAIL REGISTER COMPLETE_CONNECTION_REQUIRED * :Register your account once you are connected");
    }

    @Test
    void registerIsRefusedWhenAccountsAreMadeByAdministrators() {
        CommandBench closed = new CommandBench(config -> {
            AccountsConfig a = config.accounts();
            return config.withAccounts(new AccountsConfig(
                    AccountsConfig.Registration.OFF,
                    a.bcryptCost(),
                    a.minPasswordLength(),
                    a.loginAttempts(),
                    a.loginWindow(),
                    a.registrationsPerIp(),
                    a.registrationWindow()));
        });
        Session alice = closed.register("alice");

        assertThat(closed.ask(alice, "REGISTER * * correct-horse"))
                .containsExactly(
                        ":parley.local FAIL REGISTER TEMPORARILY_UNAVAILABLE * :Accounts are created by the administrators here");
    }

    @Test
    void verifyAlwaysSaysNoVerificationIsPending() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "VERIFY alice 123456"))
                .containsExactly(
                        ":parley.local FAIL VERIFY INVALID_CODE alice :No verification is pending: accounts here need none");
    }
}
