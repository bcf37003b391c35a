package dev.parley.server.chat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The state of rooms that have members on other nodes of a cluster; implemented by the cluster
 * package. Asked before a room opens on this node. Never blocks: the answer completes later, on
 * another thread.
 */
public interface RoomStates {

    /** The room's state, when it has members on another node; empty when it would be new. */
    CompletableFuture<Optional<SharedRoomState>> elsewhere(String roomKey);

    /** A single node: every room that is not here is new. */
    RoomStates NONE = roomKey -> CompletableFuture.completedFuture(Optional.empty());
}
