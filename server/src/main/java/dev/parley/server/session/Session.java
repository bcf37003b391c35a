package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Metadata;
import dev.parley.server.chat.TagPolicy;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.UserCounts;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client connection's state. Changed only on the connection's own thread; fields others read
 * (nick, caps, away ...) are volatile. Holds no command logic: the handlers in {@code command} do.
 */
public final class Session implements ChatUser {

    private final Connection connection;
    private final Set<Room> rooms = ConcurrentHashMap.newKeySet();
    private final Metadata metadata = new Metadata();
    private volatile Set<String> metadataSubscriptions = Set.of();
    private final java.util.Map<String, String> monitored = new java.util.LinkedHashMap<>();
    private final Registration registration = new Registration();
    private final SaslExchange sasl = new SaslExchange();
    private final GuestReadMarkers guestReadMarkers = new GuestReadMarkers();
    private final String guestIdentity = HistoryKeys.mintGuestIdentity();
    private InboundQueue inbound;
    private int batchCounter;

    private volatile String nick;
    private volatile String user;
    private volatile String realname;
    private volatile String host;
    /** {@code nick!user@host} with the parts it was built from (every relayed line carries it). */
    private volatile Source source;
    /** Where this registered user is counted; changed on the session's thread only. */
    private UserCounts counts;

    private record Source(String nick, String user, String host, String text) {}
    private volatile String account;
    private volatile String operatorName;
    private volatile String awayMessage;
    private volatile boolean invisible;
    private volatile boolean receivesWallops;
    private volatile boolean bot;
    private volatile boolean registered;
    private volatile CapabilitySet caps = CapabilitySet.NONE;
    private volatile long signonMillis;
    private volatile long lastMessageMillis;
    private volatile long lastInputNanos;
    private volatile boolean closing;

    public Session(Connection connection) {
        this.connection = connection;
        this.host = connection.remoteIp();
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
    public java.util.Map<String, String> monitored() {
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
        String current = nick;
        return current == null ? "*" : current;
    }

    @Override
    public String source() {
        String n = nick;
        String u = user;
        String h = host;
        Source cached = source;
        if (cached == null || cached.nick() != n || cached.user() != u || cached.host() != h) {
            cached = new Source(n, u, h, n + "!" + u + "@" + h);
            source = cached;
        }
        return cached.text();
    }

    @Override
    public String nick() {
        return nick;
    }

    public void setNick(String value) {
        nick = value;
    }

    @Override
    public String user() {
        return user;
    }

    public void setUser(String value) {
        user = value;
    }

    @Override
    public String realname() {
        return realname;
    }

    public void setRealname(String value) {
        realname = value;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String account() {
        return account;
    }

    public void setAccount(String value) {
        account = value;
    }

    @Override
    public String guestIdentity() {
        return guestIdentity;
    }

    @Override
    public boolean isOperator() {
        return operatorName != null;
    }

    /** The OPER entry this user is operator by, or {@code null}. */
    public String operatorName() {
        return operatorName;
    }

    public void setOperatorName(String value) {
        boolean was = operatorName != null;
        operatorName = value;
        if (counts != null && was != (value != null)) {
            counts.operatorChanged(value != null);
        }
    }

    @Override
    public String awayMessage() {
        return awayMessage;
    }

    public void setAwayMessage(String value) {
        awayMessage = value;
    }

    @Override
    public boolean isInvisible() {
        return invisible;
    }

    public void setInvisible(boolean value) {
        if (counts != null && value != invisible) {
            counts.invisibleChanged(value);
        }
        invisible = value;
    }

    @Override
    public boolean isBot() {
        return bot;
    }

    public void setBot(boolean value) {
        bot = value;
    }

    /** User mode +w: operators' WALLOPS reach this user. */
    public boolean receivesWallops() {
        return receivesWallops;
    }

    public void setReceivesWallops(boolean value) {
        receivesWallops = value;
    }

    @Override
    public boolean isRegistered() {
        return registered;
    }

    /** Registration is complete: the user now counts in {@code counts} (LUSERS) until it departs. */
    public void markRegistered(long nowMillis, UserCounts counts) {
        registered = true;
        signonMillis = nowMillis;
        lastMessageMillis = nowMillis;
        counts.registered(this);
        this.counts = counts;
    }

    /** The user departed: it leaves the counts. */
    public void markDeparted() {
        if (counts != null) {
            counts.departed(this);
            counts = null;
        }
    }

    @Override
    public CapabilitySet caps() {
        return caps;
    }

    public void setCaps(CapabilitySet value) {
        caps = value;
    }

    @Override
    public Set<Room> rooms() {
        return rooms;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public boolean subscribesTo(String metadataKey) {
        return metadataSubscriptions.contains(metadataKey);
    }

    /** The metadata keys this client subscribed to; changed only on the session's thread. */
    public Set<String> metadataSubscriptions() {
        return metadataSubscriptions;
    }

    public void setMetadataSubscriptions(Set<String> keys) {
        metadataSubscriptions = Set.copyOf(keys);
    }

    @Override
    public long signonMillis() {
        return signonMillis;
    }

    @Override
    public long lastMessageMillis() {
        return lastMessageMillis;
    }

    public void touchMessage(long nowMillis) {
        lastMessageMillis = nowMillis;
    }

    public long lastInputNanos() {
        return lastInputNanos;
    }

    public void touchInput(long nowNanos) {
        lastInputNanos = nowNanos;
    }

    /** Whether the session is on its way out (QUIT, kill, error): no more replies. */
    public boolean isClosing() {
        return closing;
    }

    public void markClosing() {
        closing = true;
    }

    @Override
    public String toString() {
        return connection.id() + (nick == null ? "" : "/" + nick);
    }
}
