package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;

/**
 * What the room bus tells the membership side of a node, on the cluster thread: events heard in
 * each room's order, KICKs either way, and the rooms this node opens and closes. A port, so that the
 * bus does not depend on what listens to it.
 */
interface BusEvents {

    /** A membership or room-state event from another node, in the room's order. */
    void heard(String roomKey, RoomEvent event);

    /** A KICK from another node. */
    void kickHeard(String roomKey, IrcMessage kick);

    /** A KICK of a member of this node, about to cross to the others. */
    void kickedHere(String roomKey, String nick);

    /** The room has its first member on this node, or this node listens to it again after losing Redis. */
    void opened(String roomKey);

    /** The room lost its last member on this node. */
    void closed(String roomKey);
}
