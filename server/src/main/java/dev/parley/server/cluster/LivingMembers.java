package dev.parley.server.cluster;

import dev.parley.server.chat.RemoteMember;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A room's members on other nodes as its Redis hash lists them, less the leftovers: a record counts
 * while its node is alive (its liveness key is there) and no other node holds the member's nick.
 * The liveness is asked of Redis, not of this node's nick mirror, which may be a moment behind a
 * nick claimed just now.
 */
final class LivingMembers {

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final ClusterNickLeases leases;

    LivingMembers(RedisLink redis, ClusterKeys keys, String nodeId, ClusterNickLeases leases) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.leases = leases;
    }

    /** The room's members elsewhere, by casefolded nick; completes on a Lettuce thread. */
    CompletionStage<Map<String, RemoteMember>> of(String roomKey) {
        return redis.commands().hgetall(keys.roomMembers(roomKey)).thenCompose(found -> {
            Map<String, RemoteMember> members = new HashMap<>();
            found.forEach((nick, record) -> {
                RemoteMember member = MemberCodec.decode(record);
                String holder = leases.nodeHolding(nick);
                if (member != null
                        && !member.node().equals(nodeId)
                        && (holder == null || holder.equals(member.node()))) {
                    members.put(nick, member);
                }
            });
            return alive(members);
        });
    }

    private CompletionStage<Map<String, RemoteMember>> alive(Map<String, RemoteMember> members) {
        Set<String> nodes = new HashSet<>();
        members.values().forEach(member -> nodes.add(member.node()));
        Map<String, CompletableFuture<Long>> answers = new HashMap<>();
        for (String node : nodes) {
            answers.put(node, redis.commands().exists(keys.node(node)).toCompletableFuture());
        }
        return CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    members.values()
                            .removeIf(member -> answers.get(member.node()).join() == 0);
                    return members;
                });
    }
}
