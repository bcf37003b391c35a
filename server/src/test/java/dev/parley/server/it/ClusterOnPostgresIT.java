package dev.parley.server.it;

import org.junit.jupiter.api.Test;

/** The cluster's one order on PostgreSQL (ClusterIT runs everything on MariaDB). */
class ClusterOnPostgresIT {

    @Test
    void concurrentSendersOnThreeNodesAreSeenInOneOrderByEveryMemberAndByHistory() throws Exception {
        ClusterOrder.concurrentSendersAreSeenInOneOrderEverywhere(ClusterServices.Vendor.POSTGRESQL);
    }
}
