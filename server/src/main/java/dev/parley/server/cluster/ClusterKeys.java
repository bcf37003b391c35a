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

    /** Whether a channel is a room's (not the nicks', a node's or the control channel). */
    boolean isRoomChannel(String channel) {
        return channel.startsWith(prefix + "{");
    }

    /** The room's last handed-out position. */
    String roomSequence(String roomKey) {
        return roomChannel(roomKey) + ":seq";
    }

    /** The server time (epoch ms) of the room's last position. */
    String roomTime(String roomKey) {
        return roomChannel(roomKey) + ":time";
    }

    /** The room's members, by node: a hash of casefolded nick to the member's encoded record. */
    String roomMembers(String roomKey) {
        return roomChannel(roomKey) + ":members";
    }

    /**
     * The cluster's rooms, for LIST: a hash of room key to the room's name, written at each join and
     * pruned by LIST when a room has no living member left.
     */
    String roomDirectory() {
        return prefix + "rooms";
    }

    /** A node's users, for WHOIS elsewhere: a hash of casefolded nick to the user's record. */
    String users(String nodeId) {
        return prefix + "users:" + nodeId;
    }

    /** The room's state (modes, topic, lists) as its last change left it on any node. */
    String roomState(String roomKey) {
        return roomChannel(roomKey) + ":state";
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

    /** The sharded channel every node hears cluster-wide changes on (the server bans changed). */
    String controlChannel() {
        return prefix + "control";
    }

    /** The sharded channel operator orders (KILL, KICK) to a node's users travel on. */
    String ordersChannel(String nodeId) {
        return prefix + "orders:" + nodeId;
    }

    /** A login-attempt count: {@code limiter} names the limit, {@code key} the address, account or pair. */
    String attempts(String limiter, String key) {
        return prefix + "attempts:" + limiter + ":" + key;
    }

    /** The connections each node holds from one address (a hash: node id to count). */
    String connections(String ip) {
        return prefix + "connections:" + ip;
    }

    /** The recent connections from one address, counted in the connect-throttle window. */
    String connects(String ip) {
        return prefix + "connects:" + ip;
    }

    /** What {@link #node} puts before a node id, for scripts that check a node's liveness. */
    String nodePrefix() {
        return prefix + "node:";
    }
}
