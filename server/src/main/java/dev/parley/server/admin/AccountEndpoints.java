package dev.parley.server.admin;

import dev.parley.protocol.name.NickName;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.store.Account;
import dev.parley.server.store.AccountStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Accounts: list, create, reset a password, delete, and the operator flag; what {@code parley
 * accounts} does from the shell, on a running server. Passwords are hashed on the password-check
 * pool, as logins are; store calls run on the blocking pool this is called on. Taking the operator
 * flag from an account, or deleting it, also ends its console logins.
 */
final class AccountEndpoints {

    /** The rules an account must meet, from the configuration. */
    /** @param minPasswordLength read at each request: a reload changes it */
    record Rules(String adminName, IntSupplier minPasswordLength, int maxNameLength) {}

    private final AccountStore store;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AdminSessions sessions;
    private final Rules rules;
    private final Clock clock;
    private final Executor blocking;

    AccountEndpoints(
            AccountStore store,
            Accounts accounts,
            PasswordHasher hasher,
            AdminSessions sessions,
            Rules rules,
            Clock clock,
            Executor blocking) {
        this.store = store;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.rules = rules;
        this.clock = clock;
        this.blocking = blocking;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("accounts", this::list),
                AdminRoute.post("accounts", this::create),
                AdminRoute.post("accounts/{}/password", this::resetPassword),
                AdminRoute.post("accounts/{}/operator", this::operator),
                AdminRoute.delete("accounts/{}", this::delete));
    }

    private CompletionStage<AdminResponse> list(AdminCall call) {
        List<Object> rows = new ArrayList<>();
        for (Account account : store.list()) {
            rows.add(Json.object(
                    "name",
                    account.name(),
                    "operator",
                    account.operator(),
                    "createdAt",
                    account.createdAt().toString()));
        }
        return done(AdminResponse.ok(Json.object("accounts", rows)));
    }

    /** Fields: {@code name}, {@code password}, {@code operator} ({@code true} for an operator). */
    private CompletionStage<AdminResponse> create(AdminCall call) {
        String name = call.form().get("name").orElse("");
        if (!NickName.isValid(name, rules.maxNameLength())) {
            return done(AdminResponse.error(
                    400, "an account name must be a valid nick of at most " + rules.maxNameLength() + " characters"));
        }
        Optional<String> password = call.form().exact("password");
        Optional<AdminResponse> weak = weakness(password);
        if (weak.isPresent()) {
            return done(weak.get());
        }
        boolean operator = call.form().flag("operator");
        return hashed(password.get(), hash -> {
            if (!store.create(new Account(name, hash, operator, clock.instant()))) {
                return AdminResponse.error(409, "an account named " + name + " exists");
            }
            accounts.names().reload();
            ConsoleAudit.LOG.info("{} created account {}{}", call.login(), name, operator ? " (operator)" : "");
            return AdminResponse.json(201, Json.object("created", name, "operator", operator));
        });
    }

    private CompletionStage<AdminResponse> resetPassword(AdminCall call) {
        String name = call.param(0);
        Optional<String> password = call.form().exact("password");
        Optional<AdminResponse> weak = weakness(password);
        if (weak.isPresent()) {
            return done(weak.get());
        }
        return hashed(password.get(), hash -> {
            if (!store.setPasswordHash(name, hash)) {
                return noSuchAccount(name);
            }
            ConsoleAudit.LOG.info("{} reset the password of account {}", call.login(), name);
            return AdminResponse.ok(Json.object("passwordReset", name));
        });
    }

    /** Field {@code operator}: {@code true} or {@code false}. */
    private CompletionStage<AdminResponse> operator(AdminCall call) {
        String name = call.param(0);
        boolean operator = call.form().flag("operator");
        if (!operator && accounts.caseMapping().equal(name, rules.adminName())) {
            return done(AdminResponse.error(409, name + " is auth.admin-name: it is an operator at every start"));
        }
        if (!store.setOperator(name, operator)) {
            return done(noSuchAccount(name));
        }
        if (!operator) {
            sessions.closeAllOf(name);
        }
        ConsoleAudit.LOG.info(
                "{} {} the operator flag of account {}", call.login(), operator ? "set" : "cleared", name);
        return done(AdminResponse.ok(Json.object("name", name, "operator", operator)));
    }

    private CompletionStage<AdminResponse> delete(AdminCall call) {
        String name = call.param(0);
        if (accounts.caseMapping().equal(name, rules.adminName())) {
            return done(
                    AdminResponse.error(409, name + " is auth.admin-name: it would be made again at the next start"));
        }
        if (!store.delete(name)) {
            return done(noSuchAccount(name));
        }
        accounts.names().reload();
        sessions.closeAllOf(name);
        ConsoleAudit.LOG.info("{} deleted account {}", call.login(), name);
        return done(AdminResponse.ok(Json.object("deleted", name)));
    }

    private Optional<AdminResponse> weakness(Optional<String> password) {
        int minimum = rules.minPasswordLength().getAsInt();
        if (password.isEmpty() || password.get().length() < minimum) {
            return Optional.of(AdminResponse.error(400, "passwords must be at least " + minimum + " characters long"));
        }
        if (!PasswordHasher.acceptsLength(password.get())) {
            return Optional.of(AdminResponse.error(
                    400, "passwords can be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long"));
        }
        return Optional.empty();
    }

    /** Hashes on the password-check pool, then stores on the blocking pool: bcrypt never holds a store thread. */
    private CompletionStage<AdminResponse> hashed(String password, Function<String, AdminResponse> then) {
        return accounts.check(false, () -> hasher.hash(password), null)
                .thenApplyAsync(
                        hash -> hash == null
                                ? AdminResponse.error(503, "server busy checking passwords; try again in a moment")
                                : then.apply(hash),
                        blocking);
    }

    private static AdminResponse noSuchAccount(String name) {
        return AdminResponse.error(404, "no account " + name);
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
