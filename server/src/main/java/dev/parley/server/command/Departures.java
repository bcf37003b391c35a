package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Room;
import dev.parley.server.session.Session;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user leaving the server, for whatever reason (QUIT, ban, kill, timeout, lost connection): the
 * others who shared a room see one QUIT, the rooms and the nick are released, the connection
 * closes. Runs on the session's thread; idempotent.
 */
public final class Departures {

    private static final Logger log = LoggerFactory.getLogger(Departures.class);

    private final Services services;

    public Departures(Services services) {
        this.services = services;
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
            services.nickHistory().remember(session, services.clock().millis());
            MonitorCommands.announceOffline(services, session.nick());
        }
        MonitorCommands.forget(services, session);
        services.nicks().release(session.nick(), session);
        session.connection().close();
        log.info("{} disconnected from {}: {}", session, session.host(), reason);
    }

    private void announceQuit(Session session, String reason) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        for (Room room : session.rooms()) {
            witnesses.addAll(room.members().keySet());
            services.rooms().leave(room, session);
        }
        session.rooms().clear();
        witnesses.remove(session);
        services.delivery().send(UserEvent.from(session, "QUIT", reason), witnesses);
    }
}
