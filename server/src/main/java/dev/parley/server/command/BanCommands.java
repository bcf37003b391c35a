package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.Mask;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Audit;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.config.ModerationConfig;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Departures;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server bans, for operators: BAN (and the expulsion of everyone it matches), UNBAN, BANS. Apart
 * from {@link OperatorCommands} because a ban needs the accounts, rooms and the moderation config
 * that OPER, KILL and WALLOPS do not.
 */
public final class BanCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(BanCommands.class);
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
    private final Departures departures;

    public BanCommands(ServerInfo info, ModerationConfig moderation, Rooms rooms, Nicks nicks, Bans bans,
            Accounts accounts, Delivery delivery, Clock clock, Departures departures) {
        this.info = info;
        this.moderation = moderation;
        this.rooms = rooms;
        this.nicks = nicks;
        this.bans = bans;
        this.accounts = accounts;
        this.delivery = delivery;
        this.clock = clock;
        this.departures = departures;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.operator("BAN", 1, this::ban),
                CommandSpec.operator("UNBAN", 1, this::unban),
                CommandSpec.operator("BANS", 0, this::bans));
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
}
