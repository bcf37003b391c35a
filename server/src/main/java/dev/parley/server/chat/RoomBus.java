package dev.parley.server.chat;

/**
 * Carries room messages between the nodes of a cluster in one order per room; implemented by the
 * cluster package. A single node has none: {@link Delivery} then fans out at once, as it always did.
 */
public interface RoomBus {

    /**
     * Gives the post its place in its room's order, has it stored once (by this node, the one it
     * came from) and delivered, here and on every node with members in the room, in that order.
     * Returns at once; never blocks the event loop it is called on.
     */
    void publish(RoomPost post);
}
