package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.session.FloodBudget;
import dev.parley.server.session.Registration;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes registration once NICK and USER are in and CAP negotiation is over: checks the
 * password (off the event loop when it is a bcrypt hash), the server bans, then sends the welcome.
 */
public final class RegistrationFlow {

    private static final Logger log = LoggerFactory.getLogger(RegistrationFlow.class);

    private final Services services;
    private final LoginCheck login;
    private final Departures departures;

    public RegistrationFlow(Services services, LoginCheck login, Departures departures) {
        this.services = services;
        this.login = login;
        this.departures = departures;
    }

    /** Registers the client if it said all it must; otherwise does nothing. */
    public void tryComplete(CommandContext ctx) {
        Session session = ctx.session();
        Registration reg = session.registration();
        if (session.isRegistered() || session.nick() == null || !reg.userGiven() || reg.capNegotiating()
                || reg.checking()) {
            return;
        }
        String password = reg.password();
        String nick = session.nick();
        reg.forgetPassword();
        if (!login.isSlow()) {
            finish(ctx, login.check(nick, password), password);
            return;
        }
        reg.setChecking(true);
        CommandContext.Deferred later = ctx.defer();
        CompletableFuture.supplyAsync(() -> login.check(nick, password), services.blocking())
                .whenComplete((result, error) -> later.completeWith(() -> {
                    reg.setChecking(false);
                    finish(ctx, error == null ? result : LoginCheck.Result.WRONG_PASSWORD, password);
                }));
    }

    /**
     * After a reserved nick the client may pick another one, so the password it sent is kept for
     * that second check; every other outcome drops it.
     */
    private void finish(CommandContext ctx, LoginCheck.Result result, String password) {
        Session session = ctx.session();
        switch (result) {
            case WRONG_PASSWORD -> refusePassword(ctx);
            case RESERVED_NICK -> refuseReservedNick(ctx);
            case USER, ADMIN -> admitUnlessBanned(ctx, result == LoginCheck.Result.ADMIN);
        }
        boolean mayRetryNick = result == LoginCheck.Result.RESERVED_NICK && !session.isClosing();
        session.registration().setPassword(mayRetryNick ? password : null);
    }

    private void refusePassword(CommandContext ctx) {
        log.info("{} refused: wrong or missing password", ctx.session());
        ctx.numeric(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
        ctx.replies().flush();
        departures.disconnect(ctx.session(), "Bad password");
    }

    private void refuseReservedNick(CommandContext ctx) {
        Session session = ctx.session();
        String reserved = session.nick();
        services.nicks().release(reserved, session);
        session.setNick(null);
        ctx.numeric(Numeric.ERR_NICKNAMEINUSE, reserved, "Nickname is reserved");
    }

    private void admitUnlessBanned(CommandContext ctx, boolean admin) {
        Session session = ctx.session();
        Optional<Ban> ban = services.bans().find(session.source());
        if (ban.isPresent()) {
            log.info("{} refused: banned by {}", session, ban.get().mask());
            ctx.numeric(Numeric.ERR_YOUREBANNEDCREEP, "You are banned from this server: " + ban.get().reason());
            ctx.replies().flush();
            departures.disconnect(session, "Banned: " + ban.get().reason());
            return;
        }
        admit(ctx, admin);
    }

    private void admit(CommandContext ctx, boolean admin) {
        Session session = ctx.session();
        session.markRegistered(services.clock().millis());
        services.counts().registered();
        FloodConfig flood = services.config().limits().flood();
        if (flood.enabled()) {
            session.inbound().setBudget(new FloodBudget(flood.burst(), flood.linesPerSecond(), System.nanoTime()));
        }
        if (admin) {
            session.setAccount(session.nick());
            session.setOperatorName(services.config().auth().adminName());
        }
        ServerReplies.welcome(ctx.replies(), services, session);
        MonitorCommands.announceOnline(services, session);
        if (admin) {
            ctx.numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
            ctx.replies().add(IrcMessage.from(session.source(), "MODE", session.nick(), "+o"));
            log.info("{} is now an operator (admin login)", session);
        }
        log.info("{} registered as {} from {}", session, session.source(), session.host());
    }
}
