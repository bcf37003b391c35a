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

    /** The nick, or {@code *} before one is set, as numerics address the client. */
    public String nickOrStar() {
        String current = published.nick();
        return current == null ? "*" : current;
    }

    @Override
    public UserSnapshot snapshot() {
        return published;
    }

    /** Publishes the changed user; only the session's own thread changes it. */
    private void publish(UnaryOperator<UserSnapshot> change) {
        checkOwnThread();
        published = change.apply(published);
    }

    private void checkOwnThread() {
        if (!connection.inOwnThread()) {
            throw new IllegalStateException(this + ": session state changed off its event loop");
        }
    }

    public void setNick(String value) {
        publish(user -> user.withNick(value));
    }

    public void setUser(String value) {
        publish(user -> user.withUser(value));
    }

    public void setRealname(String value) {
        publish(user -> user.withRealname(value));
    }

    public void setAccount(String value) {
        publish(user -> user.withAccount(value));
    }

    @Override
    public String guestIdentity() {
        return guestIdentity;
    }

    /** The OPER entry this user is operator by, or {@code null}. */
    public String operatorName() {
        return published.operatorName();
    }

    public void setOperatorName(String value) {
        boolean was = isOperator();
        publish(user -> user.withOperatorName(value));
        if (counts != null && was != (value != null)) {
            counts.operatorChanged(value != null);
        }
    }

    public void setAwayMessage(String value) {
        publish(user -> user.withAwayMessage(value));
    }

    public void setInvisible(boolean value) {
        if (counts != null && value != isInvisible()) {
            counts.invisibleChanged(value);
        }
        publish(user -> user.withInvisible(value));
    }

    public void setBot(boolean value) {
        publish(user -> user.withBot(value));
    }

    /** User mode +w: operators' WALLOPS reach this user. */
    public boolean receivesWallops() {
        return published.receivesWallops();
    }

    public void setReceivesWallops(boolean value) {
        publish(user -> user.withReceivesWallops(value));
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
    }

    /**
     * The rooms a user is in, for code that holds it as a {@link ChatUser} (WHOIS, KICK of another
     * user): every user on this server is a session; empty for any other.
     */
    public static Set<Room> roomsOf(ChatUser user) {
        return user instanceof Session session ? session.rooms() : Collections.emptySet();
    }

    /** The rooms this user is in (a live, thread-safe view; KICK and BAN change it from other threads). */
    public Set<Room> rooms() {
        return rooms;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    /** The metadata keys this client subscribed to. */
    public Set<String> metadataSubscriptions() {
        return published.metadataSubscriptions();
    }

    public void setMetadataSubscriptions(Set<String> keys) {
        publish(user -> user.withMetadataSubscriptions(keys));
    }

    public void touchMessage(long nowMillis) {
        publish(user -> user.withLastMessageMillis(nowMillis));
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
        String nick = published.nick();
        return connection.id() + (nick == null ? "" : "/" + nick);
    }
}
