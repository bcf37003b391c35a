package dev.parley.app;

import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-order scenario of {@link ClusterProcessesIT} on PostgreSQL: three node processes from
 * contrib/cluster's files on a fresh PostgreSQL database and the machine's Redis. Skipped without
 * them, failed then under {@code CI_REQUIRE_SERVICES=1}.
 */
class ClusterProcessesOnPostgresIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<RawIrcClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RawIrcClient::close);
    }

    @Test
    void twoSendersOnTwoNodesAreSeenInOneOrderOnEveryNodeAndInEachNodesHistory() throws Exception {
        try (ThreeNodes cluster = ThreeNodes.start(ClusterDatabase.Vendor.POSTGRESQL, "redis://127.0.0.1:6379", dir)) {
            NodeOrder.sendersOnTwoNodesAreSeenInOneOrderEverywhere(cluster, clients, "#order");
        }
    }
}
