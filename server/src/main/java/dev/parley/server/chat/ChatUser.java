package dev.parley.server.chat;

import dev.parley.protocol.cap.CapabilitySet;
import java.util.Set;

/**
 * A registered user as the chat core sees it. Implemented by the session. Getters may be called
 * from any thread; {@link #send} and {@link #flush} too. State changes happen on the user's own
 * thread (see {@link #execute}).
 */
public interface ChatUser {

    String nick();

    String user();

    String host();

    String realname();

    /** The account the user is logged in to, or {@code null}. */
    String account();

    /**
     * This connection's own identity while it has no account (see {@link HistoryKeys}): random, fixed
     * for the connection's life, never shown to anyone.
     */
    String guestIdentity();

    boolean isOperator();

    /** The away message, or {@code null} when present. */
    String awayMessage();

    boolean isInvisible();

    /** User mode +B (IRCv3 bot-mode): the user is a bot and its messages carry the bot tag. */
    boolean isBot();

    /** Whether the user completed registration (only those are visible to others). */
    boolean isRegistered();

    CapabilitySet caps();

    /** {@code nick!user@host}. */
    default String source() {
        return nick() + "!" + user() + "@" + host();
    }

    /** The rooms the user is in (a live, thread-safe view). */
    Set<Room> rooms();

    /** The user's IRCv3 metadata (draft/metadata-3). */
    Metadata metadata();

    /** Whether the user subscribed to updates of this metadata key ({@code METADATA * SUB}). */
    boolean subscribesTo(String metadataKey);

    /** Queues a line for this user. */
    void send(OutboundLine line);

    /** Sends what was queued. */
    void flush();

    /** Runs the task on the user's own thread. */
    void execute(Runnable task);

    /** Epoch millis of the connection's registration. */
    long signonMillis();

    /** Epoch millis of the last message the user sent. */
    long lastMessageMillis();
}
