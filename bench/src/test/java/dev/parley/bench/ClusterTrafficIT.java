package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code parley bench} against two cluster nodes (in this JVM, on the machine's MariaDB and Redis):
 * the clients are spread over both, every message reaches every other member wherever it is, and
 * the cross-node deliveries are measured apart. Seconds long, so the option cannot silently break.
 */
class ClusterTrafficIT {

    @Test
    void fanoutSpreadOverTwoNodesDeliversEverywhereAndMeasuresCrossNodeDeliveriesApart() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(2)) {
            List<TestServer> nodes = cluster.nodes();
            Target target = new Target(
                    List.of(nodes.get(0).address(), nodes.get(1).address()),
                    "chat@123",
                    List.of(ProcessHandle.current().pid()));

            // The warm-up also waits out each node's subscription to its rooms.
            Report report = TrafficScenario.run(target, new TrafficScenario.Plan("fanout", 40, 4, 8, 10, 0, 0, 20, 0));

            assertThat(report.values())
                    .containsEntry("nodes", 2)
                    .containsEntry("messages_sent", 80L)
                    .containsEntry("deliveries_expected", 720L)
                    .containsEntry("deliveries", 720L)
                    .containsEntry("loss", 0L)
                    .containsEntry("disconnected", 0L);
            // Each room has 10 members, 5 on each node: of a message's 9 deliveries, 5 cross.
            assertThat(report.values())
                    .containsEntry("same_node_deliveries", 320L)
                    .containsEntry("cross_node_deliveries", 400L)
                    .containsKeys(
                            "cross_node_latency_p99_ms",
                            "cross_node_latency_p999_ms",
                            "same_node_latency_p99_ms",
                            "server_cpu_s_each");
        }
    }
}
