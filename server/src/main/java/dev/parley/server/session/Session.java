package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Metadata;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.TagPolicy;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.chat.UserSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One client connection's state, in two parts. What other threads may read of the user (nick,
 * account, modes, away, host, caps) is one immutable {@link UserSnapshot}, replaced as a whole on
 * every change. Everything else is owned by the connection's event loop and changed only there:
 * every setter checks it runs on that thread. Holds no command logic: the handlers in
 * {@code command} do.
 */
public final class Session implements ChatUser {

    private final Connection connection;
    private final Set<Room> rooms = ConcurrentHashMap.newKeySet();
    private final Metadata metadata = new Metadata();
    private final String guestIdentity = HistoryKeys.mintGuestIdentity();

    /** The one field other threads read: replaced, never changed in place. */
    private volatile UserSnapshot published;
    /** The account presence this connection is one of, or null: then this session is the user. */
    private volatile AccountPresence presence;

    // Owned by the event loop.
    private final Map<String, String> monitored = new LinkedHashMap<>();
    private final Registration registration = new Registration();
    private final SaslExchange sasl = new SaslExchange();
    private final GuestReadMarkers guestReadMarkers = new GuestReadMarkers();
    private InboundQueue inbound;
    private int batchCounter;
    private final ClientBatches clientBatches = new ClientBatches();
    private final CommandBudgets commandBudgets = new CommandBudgets();
    /** Where this registered user is counted (LUSERS). */
    private UserCounts counts;

    private long lastInputNanos;
    private boolean closing;

    public Session(Connection connection) {
        this.connection = connection;
        this.published = UserSnapshot.connecting(connection.remoteIp());
    }

    public void attach(InboundQueue queue) {
        this.inbound = queue;
    }

    public Connection connection() {
        return connection;
    }

    public InboundQueue inbound() {
        return inbound;
    }

    /** The nicks this client MONITORs, casefolded to as written. Owned by the session's thread. */
    public Map<String, String> monitored() {
        return monitored;
    }

    /** Read markers while the client has no account (with one, they are in the database). */
    public GuestReadMarkers guestReadMarkers() {
        return guestReadMarkers;
    }

    /** Progress of connection registration (CAP, PASS, NICK, USER). */
    public SaslExchange sasl() {
        return sasl;
    }

    public Registration registration() {
        return registration;
    }

    /** Sends one message to this client, filtered for its caps, and flushes. */
    public void sendNow(IrcMessage message) {
        send(TagPolicy.render(message, TagPolicy.variant(caps())));
        flush();
    }

    /**
     * Sends the reply to this client's own command; while a large one is still going out, the
     * client's further input waits, so a client that asks without reading holds one reply at most.
     */
    public void sendReply(List<OutboundLine> lines) {
        if (!connection.sendReply(lines, () -> inbound.resume())) {
            inbound.pause();
        }
    }

    /** Rate limits of costly commands, per connection. */
    public CommandBudgets commandBudgets() {
        return commandBudgets;
    }

    /** The batch this client has open (a multi-line message being sent). */
    public ClientBatches clientBatches() {
        return clientBatches;
    }

    /** A new batch reference, unique within this connection. */
    public String nextBatchId() {
        return Integer.toString(++batchCounter, 36);
    }

    @Override
    public void send(OutboundLine line) {
        connection.send(line);
    }

    @Override
    public void flush() {
        connection.flush();
    }

    @Override
    public void execute(Runnable task) {
        connection.execute(task);
    }

    /** Runs the task on this session's thread after the lines other threads already sent it. */
    public void executeAfterQueued(Runnable task) {
        connection.executeAfterQueued(task);
    }

    /** The nick, or {@code *} before one is set, as numerics address the client. */
    public String nickOrStar() {
        String current = snapshot().nick();
        return current == null ? "*" : current;
    }

    /** The user as others see it: the account presence's when this connection is one of several. */
    @Override
    public UserSnapshot snapshot() {
        AccountPresence shared = presence;
        return shared == null ? published : shared.snapshot();
    }

    /** This connection's own caps, also when it shares a presence (whose caps are every connection's). */
    @Override
    public CapabilitySet caps() {
        return published.caps();
    }

    @Override
    public boolean subscribesTo(String metadataKey) {
        return published.metadataSubscriptions().contains(metadataKey);
    }

    /** The account presence this connection belongs to, or null. */
    public AccountPresence presence() {
        return presence;
    }

    /**
     * Who this connection acts as in rooms, in the nick registry and as a message's sender: its
     * account presence, or itself.
     */
    @Override
    public ChatUser actor() {
        AccountPresence shared = presence;
        return shared == null ? this : shared;
    }

    /** Joins the account's presence: from now on nick, rooms, away and modes are the presence's. */
    public void attachTo(AccountPresence shared) {
        checkOwnThread();
        presence = shared;
        shared.attach(this);
    }

    /** Leaves the account's presence (the connection is closing); how many connections it still has. */
    public int detachFromPresence() {
        checkOwnThread();
        AccountPresence shared = presence;
        return shared == null ? 0 : shared.detach(this);
    }

    /** Publishes the changed user; only the session's own thread changes it. */
    private void publish(UnaryOperator<UserSnapshot> change) {
        checkOwnThread();
        published = change.apply(published);
    }

    /** Publishes a change of what this connection shares with its account's other connections. */
    private void share(UnaryOperator<UserSnapshot> change) {
        publish(change);
        AccountPresence shared = presence;
        if (shared != null) {
            shared.update(change);
        }
    }

    private void checkOwnThread() {
        if (!connection.inOwnThread()) {
            throw new IllegalStateException(this + ": session state changed off its event loop");
        }
    }

    public void setNick(String value) {
        share(user -> user.withNick(value));
    }

    public void setUser(String value) {
        share(user -> user.withUser(value));
    }

    public void setRealname(String value) {
        share(user -> user.withRealname(value));
    }

    public void setAccount(String value) {
        share(user -> user.withAccount(value));
    }

    @Override
    public String guestIdentity() {
        return guestIdentity;
    }

    /** The OPER entry this user is operator by, or {@code null}. */
    public String operatorName() {
        return snapshot().operatorName();
    }

    public void setOperatorName(String value) {
        boolean was = isOperator();
        share(user -> user.withOperatorName(value));
        if (counts != null && was != (value != null)) {
            counts.operatorChanged(value != null);
        }
    }

    public void setAwayMessage(String value) {
        share(user -> user.withAwayMessage(value));
    }

    public void setInvisible(boolean value) {
        if (counts != null && value != isInvisible()) {
            counts.invisibleChanged(value);
        }
        share(user -> user.withInvisible(value));
    }

    public void setBot(boolean value) {
        share(user -> user.withBot(value));
    }

    /** User mode +w: operators' WALLOPS reach this user. */
    public boolean receivesWallops() {
        return snapshot().receivesWallops();
    }

    public void setReceivesWallops(boolean value) {
        share(user -> user.withReceivesWallops(value));
    }

    /** Registration is complete: the user now counts in {@code counts} (LUSERS) until it departs. */
    public void markRegistered(long nowMillis, UserCounts counts) {
        publish(user -> user.registeredAt(nowMillis));
        counts.registered(this);
        this.counts = counts;
    }

    /** The user departed: it leaves the counts. */
    public void markDeparted() {
        checkOwnThread();
        if (counts != null) {
            counts.departed(this);
            counts = null;
        }
    }

    public void setCaps(CapabilitySet value) {
        publish(user -> user.withCaps(value));
        AccountPresence shared = presence;
        if (shared != null) {
            shared.refreshCaps();
        }
    }

    /**
     * The rooms a user is in, for code that holds it as a {@link ChatUser} (WHOIS, KICK of another
     * user): a session's or an account presence's; empty for any other (a user on another node).
     */
    public static Set<Room> roomsOf(ChatUser user) {
        if (user instanceof Session session) {
            return session.rooms();
        }
        return user instanceof AccountPresence shared ? shared.rooms() : Collections.emptySet();
    }

    /** The rooms this user is in (a live, thread-safe view; KICK and BAN change it from other threads). */
    public Set<Room> rooms() {
        AccountPresence shared = presence;
        return shared == null ? rooms : shared.rooms();
    }

    @Override
    public Metadata metadata() {
        AccountPresence shared = presence;
        return shared == null ? metadata : shared.metadata();
    }

    /** The metadata keys this client subscribed to. */
    public Set<String> metadataSubscriptions() {
        return published.metadataSubscriptions();
    }

    public void setMetadataSubscriptions(Set<String> keys) {
        publish(user -> user.withMetadataSubscriptions(keys));
    }

    public void touchMessage(long nowMillis) {
        share(user -> user.withLastMessageMillis(nowMillis));
    }

    public long lastInputNanos() {
        return lastInputNanos;
    }

    public void touchInput(long nowNanos) {
        checkOwnThread();
        lastInputNanos = nowNanos;
    }

    /** Whether the session is on its way out (QUIT, kill, error): no more replies. */
    public boolean isClosing() {
        return closing;
    }

    public void markClosing() {
        checkOwnThread();
        closing = true;
    }

    @Override
    public String toString() {
        String nick = snapshot().nick();
        return connection.id() + (nick == null ? "" : "/" + nick);
    }
}
