package dev.parley.server.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The state of rooms that have members on other nodes of a cluster; implemented by the cluster
 * package. Asked before a room opens on this node. Never blocks: the answer completes later, on
 * another thread.
 */
public interface RoomStates {

    /** The room's state, when it has members on another node; empty when it would be new. */
    CompletableFuture<Optional<SharedRoomState>> elsewhere(String roomKey);

    /**
     * The room {@code roomKey} as it lives on other nodes (shown under the name it was created with,
     * else {@code name}), for NAMES and WHO of a room not open here; empty when it has no member there.
     */
    CompletableFuture<Optional<RoomElsewhere>> roomElsewhere(String roomKey, String name);

    /**
     * The rooms that have members on other nodes and none here ({@code openHere} says which keys
     * are open here), for LIST; {@code names}, when not null, the only rooms asked about.
     */
    CompletableFuture<List<RoomElsewhere>> onlyElsewhere(Predicate<String> openHere, List<String> names);

    /** A single node: every room that is not here is new. */
    RoomStates NONE = new RoomStates() {
        @Override
        public CompletableFuture<Optional<SharedRoomState>> elsewhere(String roomKey) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Optional<RoomElsewhere>> roomElsewhere(String roomKey, String name) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<List<RoomElsewhere>> onlyElsewhere(Predicate<String> openHere, List<String> names) {
            return CompletableFuture.completedFuture(List.of());
        }
    };
}
