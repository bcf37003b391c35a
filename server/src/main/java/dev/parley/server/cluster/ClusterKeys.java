package dev.parley.server.cluster;

/**
 * The Redis keys and channels of one cluster, all under its {@code cluster.key-prefix}. A room's
 * counter, clock and channel share the hash tag {@code {roomKey}}, so on a Redis Cluster they sit
 * on one shard and the ordering script may touch both keys.
 */
final class ClusterKeys {

    private final String prefix;

    ClusterKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The sharded channel a room's messages travel on. */
    String roomChannel(String roomKey) {
        return prefix + "{" + roomKey + "}";
    }

    /** The room's last handed-out position. */
    String roomSequence(String roomKey) {
        return roomChannel(roomKey) + ":seq";
    }

    /** The server time (epoch ms) of the room's last position. */
    String roomTime(String roomKey) {
        return roomChannel(roomKey) + ":time";
    }

    /** Who holds a casefolded nick: the node id, with the lease as its TTL. */
    String nick(String foldedNick) {
        return prefix + "nick:" + foldedNick;
    }

    String nickPattern() {
        return prefix + "nick:*";
    }

    String foldedNickOf(String nickKey) {
        return nickKey.substring((prefix + "nick:").length());
    }

    /** A node's liveness key, renewed by its heartbeat. */
    String node(String nodeId) {
        return prefix + "node:" + nodeId;
    }

    /** The sharded channel private messages to a node's users travel on. */
    String nodeChannel(String nodeId) {
        return prefix + "to:" + nodeId;
    }

    /** The sharded channel nick claims and releases are announced on. */
    String nickChannel() {
        return prefix + "nicks";
    }
}
