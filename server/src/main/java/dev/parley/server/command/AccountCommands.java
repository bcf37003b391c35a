package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.auth.RegisterOutcome;
import dev.parley.server.chat.Nicks;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.login.AccountReplies;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import dev.parley.server.store.Account;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * IRCv3 {@code draft/account-registration}: {@code REGISTER <account> <email> <password>} (and the
 * newer two-parameter form without the account). The account is always named for the nick; no
 * e-mail is sent or kept, so nothing needs VERIFY. A successful REGISTER logs the user in.
 */
public final class AccountCommands implements CommandFamily {

    private final ServerInfo info;
    private final Nicks nicks;
    private final Accounts accounts;
    private final AccountReplies accountReplies;
    /** Read at each command: a reload changes who may register, the minimum length, the server password. */
    private final Supplier<ParleyConfig> config;

    public AccountCommands(
            ServerInfo info,
            Supplier<ParleyConfig> config,
            Nicks nicks,
            Accounts accounts,
            AccountReplies accountReplies) {
        this.info = info;
        this.nicks = nicks;
        this.accounts = accounts;
        this.accountReplies = accountReplies;
        this.config = config;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.anytime("REGISTER", 2, this::register).withFloodCost(2),
                CommandSpec.anytime("VERIFY", 2, this::verify));
    }

    void register(CommandContext ctx) {
        Session session = ctx.session();
        boolean named = ctx.paramCount() >= 3;
        String requested = named ? ctx.param(0) : "*";
        String password = ctx.param(named ? 2 : 1);
        AccountsConfig config = this.config.get().accounts();
        if (!config.registration().allowed()) {
            fail(ctx, requested, "TEMPORARILY_UNAVAILABLE", "Accounts are created by the administrators here");
            return;
        }
        if (session.account() != null || session.registration().saslAccount() != null) {
            String current = session.account() != null
                    ? session.account()
                    : session.registration().saslAccount().name();
            fail(ctx, current, "ALREADY_REGISTERED", "You are already logged in to an account");
            return;
        }
        if (!session.isRegistered() && config.registration() != AccountsConfig.Registration.BEFORE_CONNECT) {
            fail(ctx, requested, "COMPLETE_CONNECTION_REQUIRED", "Register your account once you are connected");
            return;
        }
        String nick = session.nick();
        if (nick == null) {
            String refused = session.registration().refusedNick();
            if (refused != null && (requested.equals("*") || sameName(requested, refused))) {
                fail(ctx, refused, "ACCOUNT_EXISTS", "That nick is in use; choose another before registering");
            } else {
                fail(ctx, "*", "NEED_NICK", "Choose a nick with NICK before registering");
            }
            return;
        }
        String account = requested.equals("*") ? nick : requested;
        if (!sameName(account, nick)) {
            fail(ctx, account, "ACCOUNT_NAME_MUST_BE_NICK", "Your account is named for your nick; register as " + nick);
            return;
        }
        if (password.length() < config.minPasswordLength()) {
            fail(
                    ctx,
                    account,
                    "WEAK_PASSWORD",
                    "Passwords must be at least " + config.minPasswordLength() + " characters long");
            return;
        }
        if (!PasswordHasher.acceptsLength(password)) {
            fail(
                    ctx,
                    account,
                    "UNACCEPTABLE_PASSWORD",
                    "Passwords can be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long");
            return;
        }
        String ip = session.connection().remoteIp();
        String serverPassword = session.registration().password();
        DeferredReply later = ctx.defer();
        mayRegister(session, serverPassword)
                .thenCompose(allowed -> allowed == null
                        ? CompletableFuture.completedFuture(new RegisterOutcome.Unavailable())
                        : allowed
                                ? accounts.register(nick, password, ip)
                                : CompletableFuture.<RegisterOutcome>completedFuture(null))
                .whenComplete((outcome, error) -> later.completeWith(() -> concluded(ctx, account, outcome, error)));
    }

    /**
     * Before connection registration the server password has not been checked yet: REGISTER must not
     * let a connection without it create an account. The check (bcrypt, when the server password
     * is a hash) runs on the password-check pool; null when that is busy.
     */
    private CompletableFuture<Boolean> mayRegister(Session session, String password) {
        if (session.isRegistered()) {
            return CompletableFuture.completedFuture(true);
        }
        return accounts.check(
                false,
                () -> config.get()
                        .auth()
                        .serverPassword()
                        .map(s -> s.matches(password))
                        .orElse(true),
                null);
    }

    private void concluded(CommandContext ctx, String account, RegisterOutcome outcome, Throwable error) {
        if (error != null) {
            fail(ctx, account, "TEMPORARILY_UNAVAILABLE", "Registration failed; try again later");
            return;
        }
        if (outcome == null) {
            fail(ctx, account, "TEMPORARILY_UNAVAILABLE", "Send the server password with PASS before REGISTER");
            return;
        }
        if (outcome instanceof RegisterOutcome.Exists) {
            fail(ctx, account, "ACCOUNT_EXISTS", "That account already exists");
        } else if (outcome instanceof RegisterOutcome.Throttled throttled) {
            fail(
                    ctx,
                    account,
                    "TEMPORARILY_UNAVAILABLE",
                    "Too many accounts registered from your address; try again in " + minutes(throttled.retryAfter())
                            + " min");
        } else if (outcome instanceof RegisterOutcome.Unavailable) {
            fail(ctx, account, "TEMPORARILY_UNAVAILABLE", "Accounts are unavailable just now; try again later");
        } else if (outcome instanceof RegisterOutcome.Created created) {
            logIn(ctx, created.account());
        }
    }

    private void logIn(CommandContext ctx, Account account) {
        Session session = ctx.session();
        ctx.replies().add(IrcMessage.from(info.name(), "REGISTER", "SUCCESS", account.name(), "Account created"));
        AccountReplies.loggedIn(ctx.replies(), session, account.name());
        if (session.isRegistered()) {
            session.setAccount(account.name());
            accountReplies.notifyRoomMates(ctx.replies(), session, account.name());
        } else {
            session.registration().setSaslAccount(account);
        }
    }

    void verify(CommandContext ctx) {
        ctx.replies()
                .fail("VERIFY", "INVALID_CODE", ctx.param(0), "No verification is pending: accounts here need none");
    }

    private boolean sameName(String a, String b) {
        return nicks.caseMapping().equal(a, b);
    }

    private static void fail(CommandContext ctx, String account, String code, String description) {
        ctx.replies().fail("REGISTER", code, account, description);
    }

    private static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
