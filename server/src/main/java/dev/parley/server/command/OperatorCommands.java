package dev.parley.server.command;

import dev.parley.server.auth.Audit;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.config.ModerationConfig;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.Nicks;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.Accounts;
import dev.parley.server.chat.Delivery;
import java.time.Clock;
import java.util.concurrent.Executor;
import dev.parley.server.session.Departures;
import dev.parley.server.session.DeferredReply;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.Mask;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.auth.OperOutcome;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server operators: OPER to become one; BAN, UNBAN, BANS, KILL and WALLOPS once one. */
public final class OperatorCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(OperatorCommands.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ServerInfo info;
    private final ModerationConfig moderation;
    private final Rooms rooms;
    private final Nicks nicks;
    private final Bans bans;
    private final Accounts accounts;
    private final Delivery delivery;
    private final Clock clock;
    private final Executor blocking;
    private final LoginCheck login;
    private final Departures departures;
    private final Supplier<String> reload;

    /** @param reload reloads what can change without a restart and says what it did (REHASH) */
    public OperatorCommands(ServerInfo info, ModerationConfig moderation, Rooms rooms, Nicks nicks, Bans bans,
            Accounts accounts, Delivery delivery, Clock clock, Executor blocking, LoginCheck login,
            Departures departures, Supplier<String> reload) {
        this.info = info;
        this.moderation = moderation;
        this.rooms = rooms;
        this.nicks = nicks;
        this.bans = bans;
        this.accounts = accounts;
        this.delivery = delivery;
        this.clock = clock;
        this.blocking = blocking;
        this.login = login;
        this.departures = departures;
        this.reload = reload;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("OPER", 2, this::oper),
                CommandSpec.operator("BAN", 1, this::ban),
                CommandSpec.operator("UNBAN", 1, this::unban),
                CommandSpec.operator("BANS", 0, this::bans),
                CommandSpec.operator("KILL", 1, this::kill),
                CommandSpec.operator("WALLOPS", 1, this::wallops),
                CommandSpec.operator("REHASH", 0, this::rehash));
    }

    /** REHASH: reloads the TLS certificate off the event loop (382 RPL_REHASHING, then a NOTICE). */
    void rehash(CommandContext ctx) {
        ctx.numeric(Numeric.RPL_REHASHING, "parley.yaml", "Rehashing");
        Audit.LOG.info("{} asked for REHASH", ctx.session());
        DeferredReply later = ctx.defer();
        CompletableFuture.supplyAsync(reload, blocking)
                .whenComplete((outcome, error) -> later.completeWith(() ->
                        ctx.replies().notice(error == null ? outcome : "Reload failed: " + error.getMessage())));
    }

    void oper(CommandContext ctx) {
        String name = ctx.param(0);
        String password = ctx.param(1);
        String ip = ctx.session().connection().remoteIp();
        DeferredReply later = ctx.defer();
        login.oper(name, password, ip).whenComplete((outcome, error) -> later.completeWith(() ->
                finishOper(ctx, error == null ? outcome : new OperOutcome.Refused())));
    }

    private void finishOper(CommandContext ctx, OperOutcome outcome) {
        Session session = ctx.session();
        if (!(outcome instanceof OperOutcome.Granted granted)) {
            Audit.LOG.info("{} failed OPER as {}: {}", session, ctx.param(0), outcome);
            ctx.numeric(Numeric.ERR_PASSWDMISMATCH, operRefusal(outcome));
            return;
        }
        String entry = granted.name();
        session.setOperatorName(entry);
        ctx.numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
        ctx.replies().add(IrcMessage.from(session.source(), "MODE", session.nick(), "+o"));
        Audit.LOG.info("{} is now an operator (OPER {})", session, entry);
    }

    private static String operRefusal(OperOutcome outcome) {
        if (outcome instanceof OperOutcome.Throttled throttled) {
            return "Too many failed attempts; try again in " + LoginCheck.seconds(throttled.retryAfter()) + " s";
        }
        return outcome instanceof OperOutcome.Busy ? "Server busy; try again in a moment" : "Password incorrect";
    }

    /**
     * BAN nick-or-mask [:reason]. A nick that is online is banned on every identity its user has: the
     * nick, their account, and, for a guest, their address (unless {@code moderation.ban-guest-address}
     * is off or the address is loopback). An offline nick that is an account's name bans that account
     * too. Every other user matching the ban is disconnected at once.
     */
    void ban(CommandContext ctx) {
        Session oper = ctx.session();
        String reason = ctx.paramCount() > 1 && !ctx.param(1).isEmpty() ? ctx.param(1) : "Banned by an operator";
        String mask = Mask.normalize(ctx.param(0));
        Optional<ChatUser> named = nicks.find(ctx.param(0)).filter(ChatUser::isRegistered);
        String account = named.isPresent() ? named.get().account() : offlineAccount(ctx.param(0));
        String address = named.filter(user -> user.account() == null).map(this::bannableAddress).orElse(null);
        bans.add(mask, account, address, reason, oper.nick()).whenComplete((ban, error) -> {
            if (error != null) {
                log.error("{} could not store ban {}", oper, mask, error);
            }
        });
        int removed = 0;
        for (ChatUser user : List.copyOf(nicks.all())) {
            if (user != oper && user.isRegistered() && user instanceof Session victim
                    && bans.find(user.source(), user.account(), user.host()).isPresent()) {
                expel(oper, victim, reason);
                removed++;
            }
        }
        String also = new Ban(mask, account, address, reason, oper.nick(), clock.instant()).identities();
        Audit.LOG.info("{} banned {} {} ({}); {} disconnected", oper, mask, also, reason, removed);
        ctx.replies().notice("Banned " + mask + (also.isEmpty() ? "" : " (" + also + ")") + " (" + reason
                + "); disconnected " + removed + " user(s)");
    }

    /** The account named like the nick, when one is registered: only its owner may use that nick. */
    private String offlineAccount(String nick) {
        return accounts.names().isRegistered(nick) ? nick : null;
    }

    /**
     * A guest's address, unless address bans are off or it connected over loopback (an address every
     * local user shares); the connection already knows which, so no second parse of the host here.
     */
    private String bannableAddress(ChatUser user) {
        boolean loopback = !(user instanceof Session session) || session.connection().isLoopback();
        return moderation.banGuestAddress() && !loopback ? user.host() : null;
    }

    private void expel(Session oper, Session victim, String reason) {
        for (Room room : List.copyOf(victim.rooms())) {
            IrcMessage kick = UserEvent.from(oper, "KICK", room.name(), victim.nick(), "Banned: " + reason);
            List<ChatUser> witnesses = new ArrayList<>(room.members().keySet());
            rooms.leave(room, victim);
            victim.rooms().remove(room);
            delivery.send(kick, witnesses);
        }
        victim.execute(() -> {
            victim.sendNow(IrcMessage.from(info.name(), Numeric.ERR_YOUREBANNEDCREEP.code(), victim.nick(),
                    "You are banned from this server: " + reason));
            departures.disconnect(victim, "Banned: " + reason);
        });
    }

    void unban(CommandContext ctx) {
        String mask = Mask.normalize(ctx.param(0));
        DeferredReply later = ctx.defer();
        bans.remove(mask).whenComplete((removed, error) -> later.completeWith(() -> {
            if (error != null) {
                ctx.replies().notice("Could not lift the ban on " + mask + ": storage error (see the server log)");
                log.error("{} could not remove ban {}", ctx.session(), mask, error);
            } else if (Boolean.TRUE.equals(removed)) {
                Audit.LOG.info("{} lifted ban {}", ctx.session(), mask);
                ctx.replies().notice("Ban on " + mask + " lifted");
            } else {
                ctx.replies().notice("No ban on " + mask);
            }
        }));
    }

    void bans(CommandContext ctx) {
        List<Ban> all = bans.list();
        for (Ban ban : all) {
            String also = ban.identities();
            ctx.replies().notice("Ban " + ban.mask() + (also.isEmpty() ? "" : " (" + also + ")") + " set by " + ban.setBy() + " on "
                    + WHEN.format(ban.createdAt()) + ": " + ban.reason());
        }
        ctx.replies().notice("End of ban list (" + all.size() + " ban" + (all.size() == 1 ? "" : "s") + ")");
    }

    /** A message from an operator to every user with mode +w. */
    void wallops(CommandContext ctx) {
        IrcMessage wallops = IrcMessage.from(ctx.session().source(), "WALLOPS", ctx.param(0));
        List<ChatUser> readers = new ArrayList<>();
        for (ChatUser user : nicks.all()) {
            if (user.isRegistered() && user instanceof Session session && session.receivesWallops()
                    && user != ctx.session()) {
                readers.add(user);
            }
        }
        delivery.send(wallops, readers);
        if (ctx.session().receivesWallops()) {
            ctx.replies().add(wallops);
        }
    }

    void kill(CommandContext ctx) {
        var target = nicks.find(ctx.param(0));
        if (target.isEmpty() || !(target.get() instanceof Session victim)) {
            ctx.numeric(Numeric.ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
            return;
        }
        String reason = ctx.paramCount() > 1 ? ctx.param(1) : "Killed";
        String quit = "Killed (" + ctx.session().nick() + " (" + reason + "))";
        Audit.LOG.info("{} killed {}: {}", ctx.session(), victim.nick(), reason);
        victim.execute(() -> departures.disconnect(victim, quit));
    }
}
