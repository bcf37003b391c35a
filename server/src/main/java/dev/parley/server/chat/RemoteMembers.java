package dev.parley.server.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The members other nodes of a cluster have in the rooms this node has members in, built from the
 * rooms' events and fetched from Redis when a room opens here; implemented by the cluster package.
 * Read from event loops: answers from memory, never waits on the network.
 */
public interface RemoteMembers {

    /** The room's members on other nodes (empty when none, or on a single node). */
    Collection<RemoteMember> in(String roomKey);

    /** A user of another node seen in one of this node's rooms. */
    Optional<RemoteMember> find(String nick);

    /** The keys of this node's rooms that {@code nick}, a user of another node, is in. */
    List<String> roomsOf(String nick);

    /**
     * A user of another node, found in this node's rooms or asked of the node holding the nick
     * (completes later); empty when no other node has them.
     */
    CompletableFuture<Optional<RemoteMember>> lookup(String nick);

    /** How many users the other nodes hold (their nicks). */
    int usersElsewhere();

    /** A single node: no one elsewhere. */
    RemoteMembers NONE = new RemoteMembers() {
        @Override
        public Collection<RemoteMember> in(String roomKey) {
            return List.of();
        }

        @Override
        public Optional<RemoteMember> find(String nick) {
            return Optional.empty();
        }

        @Override
        public List<String> roomsOf(String nick) {
            return List.of();
        }

        @Override
        public CompletableFuture<Optional<RemoteMember>> lookup(String nick) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public int usersElsewhere() {
            return 0;
        }
    };
}
