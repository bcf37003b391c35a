package dev.parley.server.command;

import dev.parley.server.session.DeferredReply;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Connection registration and liveness: PASS, NICK, USER, PING, PONG, QUIT. (CAP is {@link CapCommands}.) */
public final class RegistrationCommands implements CommandFamily {

    private final Services services;
    private final RegistrationFlow flow;
    private final Departures departures;

    public RegistrationCommands(Services services, RegistrationFlow flow, Departures departures) {
        this.services = services;
        this.flow = flow;
        this.departures = departures;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.anytime("PASS", 1, this::pass).withFloodCost(0),
                CommandSpec.anytime("NICK", 0, this::nick),
                CommandSpec.anytime("USER", 4, this::user),
                CommandSpec.anytime("PING", 1, this::ping).withFloodCost(0.5),
                CommandSpec.anytime("PONG", 0, ctx -> {}).withFloodCost(0),
                CommandSpec.anytime("QUIT", 0, this::quit).withFloodCost(0));
    }

    void pass(CommandContext ctx) {
        if (ctx.session().isRegistered()) {
            ctx.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        ctx.session().registration().setPassword(ctx.param(0));
    }

    void user(CommandContext ctx) {
        Session session = ctx.session();
        if (session.isRegistered() || session.registration().userGiven()) {
            ctx.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        if (ctx.param(3).isEmpty()) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
            return;
        }
        session.setUser(cleanUsername(ctx.param(0)));
        session.setRealname(truncate(ctx.param(3), services.config().limits().realnameLength()));
        session.registration().markUserGiven();
        flow.tryComplete(ctx);
    }

    void nick(CommandContext ctx) {
        Session session = ctx.session();
        String wanted = ctx.param(0);
        if (wanted == null || wanted.isEmpty()) {
            ctx.numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!NickName.isValid(wanted, services.config().limits().nickLength())) {
            ctx.numeric(Numeric.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
            return;
        }
        if (wanted.equals(session.nick())) {
            return;
        }
        if (!session.isRegistered()) {
            // Whether a registered nick may be used is decided when registration completes; until
            // then nobody holds it, so a connection that never logs in cannot keep it from its owner.
            if (services.accounts().names().isRegistered(wanted)) {
                awaitLogin(ctx, wanted);
            } else {
                takeNick(ctx, wanted);
            }
            return;
        }
        Optional<Ban> ban = services.bans().find(wanted + "!" + session.user() + "@" + session.host(),
                session.account(), session.host());
        if (ban.isPresent()) {
            ctx.numeric(Numeric.ERR_ERRONEUSNICKNAME, wanted, "Nickname is banned: " + ban.get().reason());
            return;
        }
        if (services.accounts().names().isLoaded() && !services.accounts().names().isRegistered(wanted)) {
            takeNick(ctx, wanted); // no account has the nick: nothing to look up
            return;
        }
        DeferredReply later = ctx.defer();
        services.accounts().find(wanted).whenComplete((owner, error) -> later.completeWith(() -> {
            if (owner != null && owner.isPresent() && !ownsAccount(session, owner.get().name())) {
                ctx.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is registered to another account");
                return;
            }
            takeNick(ctx, wanted);
        }));
    }

    /** A registered nick before registration: asked for, not held; {@link RegistrationFlow} claims it for its owner. */
    private void awaitLogin(CommandContext ctx, String wanted) {
        Session session = ctx.session();
        releaseUnlessSame(session.nick(), wanted, session);
        session.setNick(wanted);
        flow.tryComplete(ctx);
    }

    private boolean ownsAccount(Session session, String account) {
        return session.account() != null && services.nicks().caseMapping().equal(session.account(), account);
    }

    private void takeNick(CommandContext ctx, String wanted) {
        Session session = ctx.session();
        if (!services.nicks().claim(wanted, session)) {
            session.registration().setRefusedNick(wanted);
            ctx.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        String old = session.nick();
        if (!session.isRegistered()) {
            releaseUnlessSame(old, wanted, session);
            session.setNick(wanted);
            flow.tryComplete(ctx);
            return;
        }
        // The new nick is in force before anyone hears of it: a room mate answering the NICK at once
        // must find its message addressed to the new nick, not the old one.
        String oldSource = session.source();
        services.nickHistory().remember(session, services.clock().millis());
        session.setNick(wanted);
        releaseUnlessSame(old, wanted, session);
        announceNickChange(ctx, oldSource, wanted);
        if (!services.nicks().caseMapping().equal(old, wanted)) {
            MonitorCommands.announceOffline(services, old);
            MonitorCommands.announceOnline(services, session);
        }
    }

    private void releaseUnlessSame(String old, String wanted, Session session) {
        if (old != null && !services.nicks().caseMapping().equal(old, wanted)) {
            services.nicks().release(old, session);
        }
    }

    private void announceNickChange(CommandContext ctx, String oldSource, String wanted) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        for (Room room : ctx.session().rooms()) {
            witnesses.addAll(room.members().keySet());
        }
        witnesses.remove(ctx.session());
        IrcMessage change = IrcMessage.from(oldSource, "NICK", wanted);
        ctx.replies().add(change);
        services.delivery().send(change, witnesses);
    }

    void ping(CommandContext ctx) {
        ctx.replies().add(IrcMessage.from(services.serverName(), "PONG", services.serverName(), ctx.param(0)));
    }

    void quit(CommandContext ctx) {
        String reason = ctx.paramCount() > 0 && !ctx.param(0).isEmpty() ? "Quit: " + ctx.param(0) : "Client Quit";
        departures.disconnect(ctx.session(), reason);
    }

    private static String cleanUsername(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (out.length() == 16) {
                break;
            }
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "user" : out.toString();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
