package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.LoginOutcome;
import dev.parley.server.chat.Nicks;
import dev.parley.server.login.AccountReplies;
import dev.parley.server.login.RegistrationFlow;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.SaslExchange;
import dev.parley.server.session.Session;
import dev.parley.server.store.Account;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * IRCv3 SASL 3.1/3.2 with the PLAIN mechanism (AUTHENTICATE), before or after registration. The
 * password is checked off the event loop, through the same failed-login limit as PASS. SCRAM is
 * not offered: it needs a second, non-bcrypt verifier stored per account.
 */
public final class SaslCommands implements CommandFamily {

    /** The largest chunk one AUTHENTICATE carries; a chunk of exactly this size means more follows. */
    private static final int CHUNK = 400;

    private final Nicks nicks;
    private final AccountReplies accountReplies;
    private final Accounts accounts;
    private final RegistrationFlow flow;

    public SaslCommands(Nicks nicks, Accounts accounts, AccountReplies accountReplies, RegistrationFlow flow) {
        this.nicks = nicks;
        this.accountReplies = accountReplies;
        this.accounts = accounts;
        this.flow = flow;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.anytime("AUTHENTICATE", 1, this::authenticate));
    }

    void authenticate(CommandContext ctx) {
        Session session = ctx.session();
        if (!session.caps().has(Capability.SASL)) {
            // IRCv3 SASL: AUTHENTICATE belongs to clients that enabled the sasl capability.
            ctx.numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: request the sasl capability first");
            return;
        }
        SaslExchange sasl = session.sasl();
        String argument = ctx.param(0);
        if (!sasl.inProgress()) {
            start(ctx, argument);
            return;
        }
        if (argument.equals("*")) {
            sasl.reset();
            ctx.numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
            flow.tryComplete(ctx.session(), ctx.replies());
            return;
        }
        if (argument.length() > CHUNK) {
            fail(ctx, Numeric.ERR_SASLTOOLONG, "SASL message too long");
            return;
        }
        if (!argument.equals("+") && !sasl.append(argument)) {
            fail(ctx, Numeric.ERR_SASLFAIL, "SASL authentication failed: payload too long");
            return;
        }
        if (argument.length() < CHUNK) {
            finishPlain(ctx, sasl.payload());
        }
    }

    private void start(CommandContext ctx, String mechanism) {
        Session session = ctx.session();
        if (session.account() != null || session.registration().saslAccount() != null) {
            ctx.numeric(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
            return;
        }
        if (!mechanism.toUpperCase(Locale.ROOT).equals("PLAIN")) {
            ctx.numeric(Numeric.RPL_SASLMECHS, SaslExchange.MECHANISMS, "are available SASL mechanisms");
            ctx.numeric(Numeric.ERR_SASLFAIL, "SASL authentication failed: unknown mechanism");
            return;
        }
        session.sasl().start("PLAIN");
        ctx.replies().add(IrcMessage.of("AUTHENTICATE", "+"));
    }

    private void finishPlain(CommandContext ctx, String payload) {
        String[] fields = plainFields(payload);
        if (fields == null) {
            fail(ctx, Numeric.ERR_SASLFAIL, "SASL authentication failed: malformed PLAIN response");
            return;
        }
        String authzid = fields[0];
        String authcid = fields[1];
        String password = fields[2];
        if (!authzid.isEmpty() && !nicks.caseMapping().equal(authzid, authcid)) {
            fail(ctx, Numeric.ERR_SASLFAIL, "SASL authentication failed: you may only log in as yourself");
            return;
        }
        Session session = ctx.session();
        session.sasl().setChecking(true);
        DeferredReply later = ctx.defer();
        accounts.login(authcid, password, session.connection().remoteIp())
                .whenComplete((outcome, error) -> later.completeWith(
                        () -> concluded(ctx, error == null ? outcome : new LoginOutcome.Unavailable())));
    }

    /** authzid, authcid, password; null when the payload is not base64 of three NUL-separated fields. */
    private static String[] plainFields(String payload) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] fields = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        if (fields.length != 3 || fields[1].isEmpty() || fields[2].isEmpty()) {
            return null;
        }
        return fields;
    }

    private void concluded(CommandContext ctx, LoginOutcome outcome) {
        Session session = ctx.session();
        if (!(outcome instanceof LoginOutcome.LoggedIn in)) {
            String why = outcome instanceof LoginOutcome.Throttled
                    ? "too many failed logins, try again later"
                    : outcome instanceof LoginOutcome.Unavailable
                            ? "accounts are unavailable just now"
                            : outcome instanceof LoginOutcome.Busy
                                    ? "server busy, try again in a moment"
                                    : "wrong account name or password";
            fail(ctx, Numeric.ERR_SASLFAIL, "SASL authentication failed: " + why);
            return;
        }
        session.sasl().reset();
        Account account = in.account();
        if (session.isRegistered() && flow.expelIfBanned(ctx.session(), ctx.replies(), account.name())) {
            return;
        }
        AccountReplies.loggedIn(ctx.replies(), session, account.name());
        ctx.numeric(Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
        if (!session.isRegistered()) {
            session.registration().setSaslAccount(account);
            flow.tryComplete(ctx.session(), ctx.replies());
            return;
        }
        session.setAccount(account.name());
        accountReplies.notifyRoomMates(ctx.replies(), session, account.name());
        if (account.operator()) {
            AccountReplies.becomeOperator(ctx.replies(), session, account.name());
        }
    }

    private void fail(CommandContext ctx, Numeric numeric, String text) {
        ctx.session().sasl().reset();
        ctx.numeric(numeric, text);
        flow.tryComplete(ctx.session(), ctx.replies());
    }
}
