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
 * @param deliveredHere gets the line as delivered once this node's recipients have it (the sender's
 *     echo, which then carries the time of the message's place)
 */
public record RoomPost(
        String roomKey,
        char statusPrefix,
        IrcMessage line,
        StoredMessage stored,
        List<ChatUser> localRecipients,
        long position,
        Consumer<IrcMessage> deliveredHere) {

    /**
     * The post at its place in the room's order: its server time becomes the one that place came
     * with (so that history, which pages by time, keeps the same order), and history keeps the place.
     */
    public RoomPost placed(long position, Instant time) {
        Tags.Builder tags = Tags.builder();
        line.tags().forEach((key, value) -> tags.put(key, key.equals("time") ? ServerTime.format(time) : value));
        IrcMessage restamped = new IrcMessage(tags.build(), line.source(), line.command(), line.params());
        StoredMessage kept = stored == null ? null : stored.placed(position, time);
        return new RoomPost(roomKey, statusPrefix, restamped, kept, localRecipients, position, deliveredHere);
    }
}
