package dev.parley.server.chat;

/**
 * Told when a room gains its first member on this node and when it loses its last, so that a
 * cluster node listens only to the rooms it has members in. Calls come from event loops: never block.
 */
public interface RoomWatch {

    void opened(String roomKey);

    void closed(String roomKey);

    /** A single node: nothing to listen to. */
    RoomWatch NONE = new RoomWatch() {
        @Override
        public void opened(String roomKey) {}

        @Override
        public void closed(String roomKey) {}
    };
}
