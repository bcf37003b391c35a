package dev.parley.server.store;

import java.time.Instant;
import java.util.Map;

/**
 * One message as history keeps it.
 *
 * @param msgid the IRCv3 msgid, unique; writes are idempotent on it
 * @param time server time, millisecond precision
 * @param historyKey where it belongs: a casefolded room name ({@code #general}) or, for a private
 *     message, the identities of both sides sorted and joined by a space ({@code ~alice ~bob}; see
 *     {@code chat.HistoryKeys})
 * @param target the target as the sender wrote it: {@code #General} or a nick
 * @param senderNick the sender's nick at the time
 * @param senderSource the sender's full {@code nick!user@host}
 * @param senderAccount the sender's account, or {@code null}
 * @param senderIdentity who sent it, for authorship checks: {@code ~account} or the guest
 *     connection's identity; {@code null} on rows stored before it was kept. Never shown to users
 * @param command {@code PRIVMSG} or {@code NOTICE}; or an event replayed only with event-playback
 *     ({@link Playback}): {@code TAGMSG} (a reaction), {@code TOPIC} (a topic change)
 * @param text the text (a CTCP ACTION keeps its {@code \u0001ACTION ...\u0001} framing); empty for
 *     a TAGMSG, the new topic for a TOPIC
 * @param tags client-only tags ({@code +draft/reply} ...) to replay with it
 * @param position the room message's place in its room's one order across a cluster (from 1); 0
 *     for a single node's messages and private messages, which history orders by time alone
 */
public record StoredMessage(
        String msgid,
        Instant time,
        String historyKey,
        String target,
        String senderNick,
        String senderSource,
        String senderAccount,
        String senderIdentity,
        String command,
        String text,
        Map<String, String> tags,
        long position) {

    public StoredMessage {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A message without a cluster position. */
    public StoredMessage(
            String msgid,
            Instant time,
            String historyKey,
            String target,
            String senderNick,
            String senderSource,
            String senderAccount,
            String senderIdentity,
            String command,
            String text,
            Map<String, String> tags) {
        this(
                msgid,
                time,
                historyKey,
                target,
                senderNick,
                senderSource,
                senderAccount,
                senderIdentity,
                command,
                text,
                tags,
                0);
    }

    /** The same message at its place in the room's order, with the time that place gave it. */
    public StoredMessage placed(long newPosition, Instant newTime) {
        return new StoredMessage(
                msgid,
                newTime,
                historyKey,
                target,
                senderNick,
                senderSource,
                senderAccount,
                senderIdentity,
                command,
                text,
                tags,
                newPosition);
    }

    /** Whether the message was sent to a room rather than to a nick. */
    public boolean isRoomMessage() {
        return historyKey.startsWith("#");
    }
}
