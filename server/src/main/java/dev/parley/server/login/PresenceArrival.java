package dev.parley.server.login;

import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChangeWitnesses;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.session.AccountPresence;
import dev.parley.server.session.JoinMarkers;
import dev.parley.server.session.JoinReplies;
import dev.parley.server.session.Presences;
import dev.parley.server.session.ReadMarkers;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection that registers logged in to an account: it joins the account's presence when the
 * account is present under the nick it asks for (another device) or is always-on with no device
 * connected, and is then put back in the presence's rooms; otherwise it opens the presence.
 */
public final class PresenceArrival {

    private static final Logger log = LoggerFactory.getLogger(PresenceArrival.class);

    private final Presences presences;
    private final Nicks nicks;
    private final ReadMarkers readMarkers;
    private final JoinReplies joinReplies;
    private final Delivery delivery;
    private final Monitors monitors;

    public PresenceArrival(
            Presences presences,
            Nicks nicks,
            ReadMarkers readMarkers,
            JoinReplies joinReplies,
            Delivery delivery,
            Monitors monitors) {
        this.presences = presences;
        this.nicks = nicks;
        this.readMarkers = readMarkers;
        this.joinReplies = joinReplies;
        this.delivery = delivery;
        this.monitors = monitors;
    }

    /** The presence the registering connection joins, if any. */
    public Optional<AccountPresence> joinable(Session session, String account) {
        if (account == null) {
            return Optional.empty();
        }
        return presences
                .find(account)
                .filter(presence -> presence.connections().isEmpty()
                        || presences.multiclient()
                                && session.nick() != null
                                && nicks.caseMapping().equal(presence.nick(), session.nick()));
    }

    /** Looks up the read markers of the presence's rooms, for the MARKREAD of the rejoin. */
    public CompletableFuture<JoinMarkers> markers(Session session, String account, AccountPresence presence) {
        return readMarkers.forJoin(session, account, names(presence));
    }

    /** Before the welcome: the connection drops the nick it asked for and takes the presence's. */
    public void attach(Session session, AccountPresence presence) {
        String asked = session.nick();
        if (asked != null) {
            nicks.release(asked, session);
        }
        session.setNick(presence.nick());
        session.attachTo(presence);
        if (presence.returned()) {
            delivery.send(
                    UserEvent.from(presence, "AWAY"),
                    ChangeWitnesses.of(monitors, presence, presence.rooms(), Capability.AWAY_NOTIFY));
        }
        log.info(
                "{} joined the presence of account {} ({} connections)",
                session,
                presence.account(),
                presence.connections().size());
    }

    /** After the welcome: the connection hears of each room its account is in, as if it had joined. */
    public void rejoin(Session session, Replies replies, JoinMarkers markers) {
        for (Room room : session.rooms()) {
            joinReplies.add(replies, session, room, markers);
        }
    }

    /** After the welcome of an account's first connection: the account's presence opens, holding the nick. */
    public void open(Session session) {
        if (!presences.opensFor(session.account())
                || session.presence() != null
                || presences.find(session.account()).isPresent()) {
            return; // another nick of an account present already: a user of its own, as before
        }
        String nick = session.nick();
        AccountPresence presence = presences.open(session);
        if (!nicks.replace(nick, session, presence)) {
            log.warn("{}: the nick {} changed hands while the presence opened", session, nick);
        }
    }

    private static List<String> names(AccountPresence presence) {
        List<String> names = new ArrayList<>();
        for (Room room : presence.rooms()) {
            names.add(room.name());
        }
        return names;
    }
}
