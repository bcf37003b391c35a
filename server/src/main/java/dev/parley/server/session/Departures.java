package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChangeWitnesses;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user leaving the server, for whatever reason (QUIT, ban, kill, timeout, lost connection): the
 * others who shared a room see one QUIT, the rooms and the nick are released, the connection
 * closes. Runs on the session's thread; idempotent. In {@code session} because the transport, the
 * keep-alive timers and several commands all end sessions.
 */
public final class Departures {

    private static final Logger log = LoggerFactory.getLogger(Departures.class);

    private final Rooms rooms;
    private final Nicks nicks;
    private final NickHistory nickHistory;
    private final Monitors monitors;
    private final MonitorNotices monitorNotices;
    private final Delivery delivery;
    private final Clock clock;
    private final Presences presences;

    public Departures(
            Rooms rooms,
            Nicks nicks,
            NickHistory nickHistory,
            Monitors monitors,
            MonitorNotices monitorNotices,
            Delivery delivery,
            Clock clock,
            Presences presences) {
        this.presences = presences;
        this.rooms = rooms;
        this.nicks = nicks;
        this.nickHistory = nickHistory;
        this.monitors = monitors;
        this.monitorNotices = monitorNotices;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Takes the user out of the room, then tells those who were in it (but {@code except}, or null)
     * with {@code kick}: whoever sees the KICK no longer finds the user there. KICK, a server ban and
     * the admin console all take a user out of a room this way.
     */
    public void kick(Room room, ChatUser victim, IrcMessage kick, ChatUser except) {
        List<ChatUser> witnesses = new ArrayList<>(room.members().keySet());
        rooms.leave(room, victim);
        Session.roomsOf(victim).remove(room);
        delivery.send(kick, witnesses, except);
    }

    /**
     * Removes a user from the server for good (KILL, a server ban, the admin console): a connection
     * is disconnected; an account present on several devices loses them all, and stays gone even
     * if it is always-on.
     */
    public void expel(ChatUser user, String reason) {
        if (user instanceof Session session) {
            session.execute(() -> disconnect(session, reason));
        } else if (user instanceof AccountPresence presence) {
            presence.setAlwaysOn(false);
            if (presence.connections().isEmpty()) {
                end(presence, reason);
            }
            for (ChatUser device : presence.connections()) {
                if (device instanceof Session session) {
                    session.execute(() -> disconnect(session, reason));
                }
            }
        }
    }

    /** Sends {@code ERROR :reason} to the client, then {@link #depart}. */
    public void disconnect(Session session, String reason) {
        if (session.isClosing()) {
            return;
        }
        session.sendNow(IrcMessage.of("ERROR", "Closing Link: " + session.host() + " (" + reason + ")"));
        depart(session, reason);
    }

    /** Removes the user from everything and closes the connection, telling the others why. */
    public void depart(Session session, String reason) {
        if (session.isClosing()) {
            return;
        }
        session.markClosing();
        AccountPresence presence = session.presence();
        if (presence != null) {
            leavePresence(session, presence, reason);
        } else if (session.isRegistered()) {
            goodbye(session, session.rooms(), reason);
            session.markDeparted();
        }
        monitors.unwatchAll(session, session.monitored().values());
        nicks.release(session.nick(), session);
        session.connection().close();
        log.info("{} disconnected from {}: {}", session, session.host(), reason);
    }

    /**
     * One of an account's connections leaves: the account stays while others remain, or, always-on,
     * stays away with none; the last connection of any other account takes it out.
     */
    private void leavePresence(Session session, AccountPresence presence, String reason) {
        int left = session.detachFromPresence();
        session.markDeparted();
        if (left > 0) {
            return;
        }
        if (presence.isAlwaysOn()) {
            presence.goneAway();
            IrcMessage away = UserEvent.from(presence, "AWAY", presence.awayMessage());
            delivery.send(away, ChangeWitnesses.of(monitors, presence, presence.rooms(), Capability.AWAY_NOTIFY));
            rooms.events().changed(presence, presence.nick(), presence.rooms(), away);
            log.info("{} stays present, always-on, with no connection", presence);
            return;
        }
        end(presence, reason);
    }

    /** The account's presence ends: its rooms see it quit, its nick frees. */
    private void end(AccountPresence presence, String reason) {
        goodbye(presence, presence.rooms(), reason);
        nicks.release(presence.nick(), presence);
        presences.closed(presence);
    }

    private void goodbye(ChatUser user, Set<Room> joined, String reason) {
        announceQuit(user, joined, reason);
        nickHistory.remember(user, clock.millis());
        monitorNotices.offline(user.nick());
    }

    private void announceQuit(ChatUser user, Set<Room> joined, String reason) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        List<Room> left = List.copyOf(joined);
        for (Room room : joined) {
            witnesses.addAll(room.members().keySet());
            rooms.leave(room, user);
        }
        joined.clear();
        witnesses.remove(user);
        IrcMessage quit = UserEvent.from(user, "QUIT", reason);
        delivery.send(quit, witnesses);
        rooms.events().quit(user, left, quit);
    }
}
