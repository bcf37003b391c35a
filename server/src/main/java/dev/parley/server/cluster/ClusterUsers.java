package dev.parley.server.cluster;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.RemoteMember;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's users, whether or not they are in a room, for WHOIS and WHO by nick on the other
 * nodes: a Redis hash per node ({@code users:<node>}) of casefolded nick to the user's record, the
 * one room members have (with no room status). Written when a user registers here and changes its
 * nick, away state, account, real name or +i, removed when it leaves; a lost node's hash is
 * deleted by the node that finds it lost. Every call is asynchronous.
 */
final class ClusterUsers {

    private static final Logger log = LoggerFactory.getLogger(ClusterUsers.class);

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final CaseMapping names;

    ClusterUsers(RedisLink redis, ClusterKeys keys, String nodeId, CaseMapping names) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.names = names;
    }

    /** The user, here, as the other nodes describe them (written again after any change). */
    void here(ChatUser user) {
        String record = MemberCodec.encode(RemoteMember.of(nodeId, user, MemberStatus.PLAIN));
        redis.commands()
                .hset(keys.users(nodeId), names.fold(user.nick()), record)
                .exceptionally(failure -> {
                    log.warn("{} could not be listed for the other nodes: {}", user.nick(), failure.getMessage());
                    return false;
                });
    }

    /** The user left this node (or no longer goes by {@code nick}). */
    void gone(String nick) {
        redis.commands().hdel(keys.users(nodeId), names.fold(nick)).exceptionally(failure -> 0L);
    }

    /** A lost node's users, forgotten; deleting twice is harmless. */
    void forgetNode(String node) {
        redis.commands().del(keys.users(node)).exceptionally(failure -> 0L);
    }

    /** The user holding {@code nick} on {@code node}, as that node listed them; empty when it did not. */
    CompletableFuture<Optional<RemoteMember>> find(String node, String nick) {
        return redis.commands()
                .hget(keys.users(node), names.fold(nick))
                .handle((record, failure) ->
                        Optional.ofNullable(failure != null || record == null ? null : MemberCodec.decode(record)))
                .toCompletableFuture();
    }
}
