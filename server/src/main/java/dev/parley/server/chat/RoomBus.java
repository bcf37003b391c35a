package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;

/**
 * Carries room messages (and private messages) between the nodes of a cluster in one order per room; implemented by the
 * cluster package. A single node has none: {@link Delivery} then fans out at once, as it always did.
 */
public interface RoomBus {

    /**
     * Gives the post its place in its room's order, has it stored once (by this node, the one it
     * came from) and delivered, here and on every node with members in the room, in that order.
     * Returns at once; never blocks the event loop it is called on.
     */
    void publish(RoomPost post);

    /**
     * Sends a stamped private message to {@code nick} on {@code node}, which delivers and stores it
     * (it knows both sides' identities, which make the conversation's history key); {@code multiline}
     * the lines of a multi-line message, else null. Returns at once.
     */
    void toUser(String node, String nick, IrcMessage line, MultilineText multiline, String senderIdentity);
}
