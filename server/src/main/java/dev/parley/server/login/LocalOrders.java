package dev.parley.server.login;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Audit;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Orders;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.Departures;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out on this node's users what an operator on another cluster node ordered (the permission
 * was checked there): KILL and KICK on the user's own event loop, the same way as when they are
 * given here, an INVITE handed over (the invitation kept in the room when it is open here), and a reread of the bans (on the blocking pool) followed by the expulsion of whom they
 * now match. In {@code login} because it ends sessions the way a server ban does.
 */
public final class LocalOrders implements Orders {

    private static final Logger log = LoggerFactory.getLogger(LocalOrders.class);

    private final Nicks nicks;
    private final Rooms rooms;
    private final Departures departures;
    private final Bans bans;
    private final ServerBan serverBan;
    private final OtherNodes otherNodes;
    private final Delivery delivery;
    private final Supplier<LimitsConfig> limits;
    private final Accounts accounts;

    public LocalOrders(
            Nicks nicks,
            Rooms rooms,
            Departures departures,
            Bans bans,
            ServerBan serverBan,
            OtherNodes otherNodes,
            Delivery delivery,
            Supplier<LimitsConfig> limits,
            Accounts accounts) {
        this.nicks = nicks;
        this.rooms = rooms;
        this.departures = departures;
        this.bans = bans;
        this.serverBan = serverBan;
        this.otherNodes = otherNodes;
        this.delivery = delivery;
        this.limits = limits;
        this.accounts = accounts;
    }

    @Override
    public void kill(String nick, String quitReason) {
        Optional<ChatUser> victim = nicks.find(nick);
        if (victim.isEmpty()) {
            log.info("a KILL of {} from another node found nobody here", nick);
            return;
        }
        Audit.LOG.info("{} killed on another node's order: {}", victim.get(), quitReason);
        departures.expel(victim.get(), quitReason);
    }

    @Override
    public void kick(String roomName, String nick, IrcMessage kick, boolean byServerOperator) {
        Optional<ChatUser> victim = nicks.find(nick);
        Optional<Room> room = rooms.find(roomName);
        if (victim.isEmpty() || room.isEmpty()) {
            log.info("a KICK of {} from {} by another node found no such member here", nick, roomName);
            return;
        }
        ChatUser session = victim.get();
        session.execute(() -> {
            if (!byServerOperator && (session.isOperator() || room.get().isFounder(session))) {
                log.info("{} not kicked from {} on another node's order: immune to a room operator", session, roomName);
            } else if (room.get().isMember(session)) {
                departures.kick(room.get(), session, kick, null);
                otherNodes.announce(room.get().key(), kick);
                Audit.LOG.info("{} kicked from {} on another node's order", session, roomName);
            }
        });
    }

    @Override
    public void invite(String roomName, String nick, IrcMessage invite) {
        Optional<ChatUser> invitee = nicks.find(nick);
        if (invitee.isEmpty()) {
            log.info("an INVITE of {} to {} from another node found nobody here", nick, roomName);
            return;
        }
        rooms.find(roomName).ifPresent(room -> room.invite(nick, limits.get().maxListEntries()));
        delivery.toUser(invitee.get(), invite);
    }

    @Override
    public void accountRegistered(String name) {
        accounts.names().known(name);
    }

    @Override
    public void reloadBans() {
        bans.reload().whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("could not reread the bans another node changed; this node keeps its list", failure);
                return;
            }
            int expelled = serverBan.expelBanned();
            if (expelled > 0) {
                Audit.LOG.info("bans changed on another node: {} user(s) here disconnected", expelled);
            }
        });
    }
}
