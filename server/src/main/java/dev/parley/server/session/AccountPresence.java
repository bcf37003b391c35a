package dev.parley.server.session;

import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Metadata;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.UserSnapshot;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A logged-in account present under one nick, held by any number of its connections: each device
 * is its own connection ({@code Session}), attached here, and they share the nick, the rooms, away and modes.
 * This is who the rooms and the nick registry hold; a line sent to it goes to every attached
 * connection, rendered for that connection's caps ({@code chat.Fanout}). With none attached, an
 * always-on account stays present (away) until one returns.
 *
 * <p>Shared state changes come from several connections' threads, so they are made under this
 * object's lock; readers take the published {@link UserSnapshot} and hold none.
 */
public final class AccountPresence implements ChatUser {

    /** The away message of an always-on account with no connection. */
    public static final String ABSENT = "Not connected (always-on)";

    private final List<ChatUser> connections = new CopyOnWriteArrayList<>();
    private final Set<Room> rooms = new KeptRooms();
    private final Metadata metadata = new Metadata();
    private final String guestIdentity = HistoryKeys.mintGuestIdentity();
    private volatile UserSnapshot published;
    private volatile boolean alwaysOn;
    /** Keeps the presence when it is always-on; told of every change of nick or rooms. */
    private volatile Keeper keeper;
    /** Whether the away message is the one set when the last connection left. */
    private boolean awayForAbsence;

    /** A presence for {@code first}, a connection that just registered logged in to an account. */
    AccountPresence(UserSnapshot first, boolean alwaysOn) {
        this.published = first;
        this.alwaysOn = alwaysOn;
    }

    @Override
    public UserSnapshot snapshot() {
        return published;
    }

    /** Changes the shared user; any attached connection's thread may call it. */
    synchronized void update(UnaryOperator<UserSnapshot> change) {
        UserSnapshot before = published;
        published = change.apply(published);
        if (published.awayMessage() != before.awayMessage()) {
            awayForAbsence = false;
        }
        if (published.nick() != null && !published.nick().equals(before.nick())) {
            changed();
        }
    }

    /** The connections attached now, oldest first. */
    public List<ChatUser> connections() {
        return connections;
    }

    synchronized void attach(ChatUser session) {
        connections.add(session);
        refreshCaps();
    }

    /** Detaches the connection; how many remain. */
    synchronized int detach(ChatUser session) {
        connections.remove(session);
        refreshCaps();
        return connections.size();
    }

    /** A connection changed its caps: the presence offers what any of them enabled. */
    synchronized void refreshCaps() {
        CapabilitySet union = CapabilitySet.NONE;
        for (ChatUser session : connections) {
            union = union.with(session.caps().asSet());
        }
        published = published.withCaps(union);
    }

    /** The last connection left an always-on account: it is marked away until one returns. */
    synchronized void goneAway() {
        if (published.awayMessage() == null) {
            published = published.withAwayMessage(ABSENT);
            awayForAbsence = true;
        }
    }

    /**
     * A connection returned to an always-on account that had none: the away set for its absence is
     * lifted. Whether it was (then the change is announced).
     */
    public synchronized boolean returned() {
        if (!awayForAbsence) {
            return false;
        }
        awayForAbsence = false;
        published = published.withAwayMessage(null);
        return true;
    }

    /** Whether the account stays present, away, when its last connection leaves. */
    public boolean isAlwaysOn() {
        return alwaysOn;
    }

    public void setAlwaysOn(boolean value) {
        alwaysOn = value;
    }

    /** The rooms the account is in: shared by its connections, kept while it is always-on. */
    public Set<Room> rooms() {
        return rooms;
    }

    @Override
    public String guestIdentity() {
        return guestIdentity;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public List<? extends ChatUser> devices() {
        return connections;
    }

    @Override
    public void send(OutboundLine line) {
        for (ChatUser session : connections) {
            session.send(line);
        }
    }

    @Override
    public void flush() {
        for (ChatUser session : connections) {
            session.flush();
        }
    }

    /** On the first connection's thread; with none, at once (the shared state is locked, not owned). */
    @Override
    public void execute(Runnable task) {
        List<ChatUser> now = connections;
        if (now.isEmpty()) {
            task.run();
        } else {
            now.get(0).execute(task);
        }
    }

    /** Where a presence is kept across restarts: implemented by {@link Presences}. */
    interface Keeper {
        void remember(AccountPresence presence);
    }

    void keptBy(Keeper value) {
        keeper = value;
    }

    private void changed() {
        Keeper current = keeper;
        if (current != null) {
            current.remember(this);
        }
    }

    /** The rooms, kept (when always-on) after each change, whichever path made it (JOIN, PART, KICK, a ban). */
    private final class KeptRooms extends AbstractSet<Room> {

        private final Set<Room> joined = ConcurrentHashMap.newKeySet();

        @Override
        public boolean add(Room room) {
            boolean added = joined.add(room);
            if (added) {
                changed();
            }
            return added;
        }

        @Override
        public boolean remove(Object room) {
            boolean removed = joined.remove(room);
            if (removed) {
                changed();
            }
            return removed;
        }

        @Override
        public void clear() {
            joined.clear();
            changed();
        }

        @Override
        public boolean contains(Object room) {
            return joined.contains(room);
        }

        @Override
        public Iterator<Room> iterator() {
            return joined.iterator();
        }

        @Override
        public int size() {
            return joined.size();
        }
    }

    @Override
    public String toString() {
        return "presence/" + published.nick() + "(" + connections.size() + ")";
    }
}
