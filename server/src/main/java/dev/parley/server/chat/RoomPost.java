package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Tags;
import dev.parley.server.store.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stamped room message on its way through a {@link RoomBus}: the line members see, what history
 * keeps (null when nothing is kept) and who hears it on this node.
 *
 * @param statusPrefix '@' or '+' for a STATUSMSG to the room's operators or voiced members, else '\0'
 * @param position its place in the room's order; 0 until {@link #placed}
 * @param multiline the lines of a multi-line message (the line then carries their combined text), else null
 * @param whenDelivered told the line as delivered (its place's time) once it went out on this node
 */
public record RoomPost(
        String roomKey,
        char statusPrefix,
        IrcMessage line,
        MultilineText multiline,
        StoredMessage stored,
        List<ChatUser> localRecipients,
        long position,
        Consumer<IrcMessage> whenDelivered) {

    /**
     * The post at its place in the room's order: its server time becomes the one that place came
     * with (so that history, which pages by time, keeps the same order), and history keeps the place.
     */
    public RoomPost placed(long position, Instant time) {
        Tags.Builder tags = Tags.builder();
        line.tags().forEach((key, value) -> tags.put(key, key.equals("time") ? ServerTime.format(time) : value));
        IrcMessage restamped = new IrcMessage(tags.build(), line.source(), line.command(), line.params());
        StoredMessage kept = stored == null ? null : stored.placed(position, time);
        return new RoomPost(
                roomKey, statusPrefix, restamped, multiline, kept, localRecipients, position, whenDelivered);
    }
}
