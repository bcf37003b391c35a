package dev.parley.server.chat;

import dev.parley.protocol.cap.CapabilitySet;
import java.util.List;

/**
 * A registered user as the chat core sees it. Implemented by the session. What others may read of
 * the user is its {@link #snapshot()}, published by the user's own thread; the getters below read
 * one field of the current snapshot (read the snapshot once when several fields must agree).
 * {@link #send} and {@link #flush} may be called from any thread; state changes happen on the
 * user's own thread (see {@link #execute}).
 */
public interface ChatUser {

    /** The user as of now: immutable, safe to read from any thread. */
    UserSnapshot snapshot();

    default String nick() {
        return snapshot().nick();
    }

    default String user() {
        return snapshot().user();
    }

    default String host() {
        return snapshot().host();
    }

    default String realname() {
        return snapshot().realname();
    }

    /** The account the user is logged in to, or {@code null}. */
    default String account() {
        return snapshot().account();
    }

    /**
     * This connection's own identity while it has no account (see {@link HistoryKeys}): random, fixed
     * for the connection's life, never shown to anyone.
     */
    String guestIdentity();

    default boolean isOperator() {
        return snapshot().operatorName() != null;
    }

    /** The away message, or {@code null} when present. */
    default String awayMessage() {
        return snapshot().awayMessage();
    }

    default boolean isInvisible() {
        return snapshot().invisible();
    }

    /** User mode +B (IRCv3 bot-mode): the user is a bot and its messages carry the bot tag. */
    default boolean isBot() {
        return snapshot().bot();
    }

    /** Whether the user completed registration (only those are visible to others). */
    default boolean isRegistered() {
        return snapshot().registered();
    }

    default CapabilitySet caps() {
        return snapshot().caps();
    }

    /** {@code nick!user@host}. */
    default String source() {
        return snapshot().source();
    }

    /** The user's IRCv3 metadata (draft/metadata-3). */
    Metadata metadata();

    /** Whether the user subscribed to updates of this metadata key ({@code METADATA * SUB}). */
    default boolean subscribesTo(String metadataKey) {
        return snapshot().metadataSubscriptions().contains(metadataKey);
    }

    /**
     * Who this user acts as in rooms and in the nick registry: itself, or, for one device of an
     * account present on several, that account's presence.
     */
    default ChatUser actor() {
        return this;
    }

    /**
     * The connections a line to this user goes to, each rendered for its own caps, when the user is
     * several (an account present on several devices); null when the user is one connection.
     */
    default List<? extends ChatUser> devices() {
        return null;
    }

    /** Queues a line for this user. */
    void send(OutboundLine line);

    /** Sends what was queued. */
    void flush();

    /** Runs the task on the user's own thread. */
    void execute(Runnable task);

    /** Epoch millis of the connection's registration. */
    default long signonMillis() {
        return snapshot().signonMillis();
    }

    /** Epoch millis of the last message the user sent. */
    default long lastMessageMillis() {
        return snapshot().lastMessageMillis();
    }
}
