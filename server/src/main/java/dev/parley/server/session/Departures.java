package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
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

    public Departures(
            Rooms rooms,
            Nicks nicks,
            NickHistory nickHistory,
            Monitors monitors,
            MonitorNotices monitorNotices,
            Delivery delivery,
            Clock clock) {
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
        witnesses.remove(except);
        rooms.leave(room, victim);
        Session.roomsOf(victim).remove(room);
        delivery.send(kick, witnesses);
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
        if (session.isRegistered()) {
            announceQuit(session, reason);
            session.markDeparted();
            nickHistory.remember(session, clock.millis());
            monitorNotices.offline(session.nick());
        }
        monitors.unwatchAll(session, session.monitored().values());
        nicks.release(session.nick(), session);
        session.connection().close();
        log.info("{} disconnected from {}: {}", session, session.host(), reason);
    }

    private void announceQuit(Session session, String reason) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        for (Room room : session.rooms()) {
            witnesses.addAll(room.members().keySet());
            rooms.leave(room, session);
        }
        session.rooms().clear();
        witnesses.remove(session);
        delivery.send(UserEvent.from(session, "QUIT", reason), witnesses);
    }
}
