package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes from contrib/cluster's files on a fresh MariaDB database and a Redis server
 * of the test's own, which the test stops and starts again (empty: it keeps nothing on disk). While
 * Redis is away every node says it is not ready but healthy (HAProxy, running contrib/cluster/haproxy.cfg
 * in front, then turns new clients away),
 * and chat goes on between members of the same node; once Redis is back the nodes rebuild what
 * Redis held (subscriptions, nick leases) and every message is stored once. Skipped without
 * redis-server or MariaDB, failed then under {@code CI_REQUIRE_SERVICES=1}.
 */
class ClusterRedisOutageIT {

    private static final String ROOM = "#out";
    private static final Duration NOTICED_WITHIN = ThreeNodes.LEASE.plus(Duration.ofSeconds(5));

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<RawIrcClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RawIrcClient::close);
    }

    @Test
    void withoutRedisNodesAreNotReadyButServeTheirOwnMembersAndRebuildWhenItReturns() throws Exception {
        try (RedisProcess redis = RedisProcess.start(dir.resolve("redis.log"));
                ThreeNodes cluster = ThreeNodes.start(ClusterDatabase.Vendor.MARIADB, redis.url(), dir);
                HAProxyFront haproxy = HAProxyFront.start(cluster.nodes(), dir.resolve("haproxy.log"))) {
            RawIrcClient ann = member(cluster.node(1), "ann");
            RawIrcClient amy = member(cluster.node(1), "amy");
            RawIrcClient bob = member(cluster.node(2), "bob");
            RawIrcClient cal = member(cluster.node(3), "cal");
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo(ROOM) == 3);
            ann.send("PRIVMSG " + ROOM + " :before");
            for (RawIrcClient other : List.of(amy, bob, cal)) {
                other.expect(Lines.privmsgFrom("ann", ROOM, "before"));
            }

            redis.down();

            for (ParleyNode node : cluster.nodes()) {
                await(node.name() + " not ready without Redis")
                        .atMost(NOTICED_WITHIN)
                        .until(() -> node.status("/readyz") == 503);
                assertThat(node.status("/healthz"))
                        .as("%s still serves", node.name())
                        .isEqualTo(200);
                assertThat(node.status("/livez")).isEqualTo(200);
            }
            AtomicInteger probes = new AtomicInteger();
            await("HAProxy's /readyz check takes every node out")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> haproxy.turnsAway("probe" + probes.incrementAndGet()));
            ann.send("PRIVMSG " + ROOM + " :during");
            amy.expect(Lines.privmsgFrom("ann", ROOM, "during"));

            redis.up();

            for (ParleyNode node : cluster.nodes()) {
                await(node.name() + " ready again").atMost(NOTICED_WITHIN).until(() -> node.status("/readyz") == 200);
            }
            await("every node subscribed again")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> cluster.nodesListeningTo(ROOM) == 3);
            await("HAProxy sends new clients to the nodes again")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> !haproxy.turnsAway("probe" + probes.incrementAndGet()));
            RawIrcClient rival = ThreeNodes.registering(cluster.node(2));
            clients.add(rival);
            await("ann's nick held again in the new Redis")
                    .atMost(NOTICED_WITHIN)
                    .until(() -> ThreeNodes.nickTaken(rival, "ann"));
            ann.send("PRIVMSG " + ROOM + " :after");
            for (RawIrcClient other : List.of(amy, bob, cal)) {
                other.expect(Lines.privmsgFrom("ann", ROOM, "after"));
            }
            cal.send("PRIVMSG " + ROOM + " :cal after");
            ann.expect(Lines.privmsgFrom("cal", ROOM, "cal after"));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(cluster.database().storedTexts(ROOM))
                            .as("every message stored once, none lost")
                            .containsExactly("before", "during", "after", "cal after"));
            for (ParleyNode node : cluster.nodes()) {
                assertThat(Files.readAllLines(node.log()))
                        .as("%s took no live node for dead when Redis came back (%s)", node.name(), node.log())
                        .noneMatch(line -> line.contains("lost (no heartbeat within the lease)"));
            }
        }
    }

    private RawIrcClient member(ParleyNode node, String nick) {
        RawIrcClient client = node.user(nick);
        clients.add(client);
        client.join(ROOM);
        return client;
    }
}
