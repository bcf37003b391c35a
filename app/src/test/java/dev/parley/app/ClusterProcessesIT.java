package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes as separate processes, started from contrib/cluster's files, on a fresh MariaDB
 * database and the machine's Redis, with Debian's HAProxy in front running contrib/cluster/haproxy.cfg
 * (send-proxy-v2, health check on /readyz). The nodes are started once for the class; each test uses
 * rooms and nicks of its own, and the {@code kill -9} test runs last. Skipped without MariaDB, Redis
 * or haproxy, failed then under {@code CI_REQUIRE_SERVICES=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProcessesIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private ThreeNodes cluster;
    private HAProxyFront haproxy;
    private final List<RawIrcClient> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        HAProxyFront.require();
        cluster = ThreeNodes.start(ClusterDatabase.Vendor.MARIADB, "redis://127.0.0.1:6379", dir);
        haproxy = HAProxyFront.start(cluster.nodes(), dir.resolve("haproxy.log"));
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(RawIrcClient::close);
        clients.clear();
    }

    @Test
    @Order(1)
    void usersOnDifferentNodesShareARoomAndPrivateMessages() throws Exception {
        RawIrcClient ann = member(1, "ann", "#lobby");
        RawIrcClient bob = member(2, "bob", "#lobby");
        RawIrcClient cat = member(3, "cat", "#lobby");
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo("#lobby") == 3);

        ann.send("PRIVMSG #lobby :hello from node 1");
        bob.expect(Lines.privmsgFrom("ann", "#lobby", "hello from node 1"));
        cat.expect(Lines.privmsgFrom("ann", "#lobby", "hello from node 1"));
        cat.send("PRIVMSG #lobby :hello from node 3");
        ann.expect(Lines.privmsgFrom("cat", "#lobby", "hello from node 3"));
        bob.expect(Lines.privmsgFrom("cat", "#lobby", "hello from node 3"));

        ann.send("PRIVMSG cat :psst, node 3");
        cat.expect(Lines.privmsgFrom("ann", "cat", "psst, node 3"));
        cat.send("PRIVMSG ann :heard you on node 1");
        ann.expect(Lines.privmsgFrom("cat", "ann", "heard you on node 1"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(cluster.database().storedTexts("#lobby"))
                        .as("each room message stored once, by its origin node")
                        .containsExactly("hello from node 1", "hello from node 3"));
    }

    @Test
    @Order(2)
    void aNickTakenOnNodeOneIsRefusedOnNodeTwo() {
        clients.add(cluster.node(1).user("dora"));
        RawIrcClient rival = client(ThreeNodes.registering(cluster.node(2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> ThreeNodes.nickTaken(rival, "dora"));
        assertThat(ThreeNodes.nickTaken(rival, "DORA")).as("casefolded alike").isTrue();
    }

    @Test
    @Order(3)
    void twoSendersOnTwoNodesAreSeenInOneOrderOnEveryNodeAndInEachNodesHistory() throws Exception {
        NodeOrder.sendersOnTwoNodesAreSeenInOneOrderEverywhere(cluster, clients, "#order");
    }

    @Test
    @Order(4)
    void throughHAProxyThePerAddressLimitCountsTheClientsOwnAddress() {
        String address = ParleyNode.nextAddress();
        // Least connections: one on each node; the cluster counts them together for the address.
        for (int i = 0; i < ThreeNodes.MAX_PER_IP; i++) {
            RawIrcClient held = client(ParleyNode.connectFrom(address, haproxy.port()));
            held.register("held" + i, "chat@123");
        }
        RawIrcClient over = client(ParleyNode.connectFrom(address, haproxy.port()));
        over.send("PASS chat@123");
        over.send("NICK over");
        over.send("USER over 0 * :over");
        IrcMessage refusal = over.expectCommand("ERROR");
        assertThat(refusal.lastParam()).contains("Too many connections").contains(address);
        assertThat(over.awaitClosed(Duration.ofSeconds(5))).isTrue();

        RawIrcClient other = client(ParleyNode.connectFrom(ParleyNode.nextAddress(), haproxy.port()));
        assertThat(other.register("other", "chat@123"))
                .as("HAProxy's own address is not what was counted: another client is let in")
                .extracting(IrcMessage::command)
                .contains(Numeric.RPL_WELCOME.code());
    }

    @Test
    @Order(5)
    void aNodeKilledWithSigkillFreesItsNicksWithinTheLeaseAndLosesOnlyWhatItHadNotCommittedOrSpilled()
            throws Exception {
        NodeCrash.killNodeThreeMidChat(cluster, clients);
    }

    /** A dead node's users QUIT ("Node lost") for the members on the other nodes, within the lease. */
    @Test
    @Order(6)
    void aNodeKilledWithSigkillHasItsUsersQuitForTheOthersWithinTheLease() throws Exception {
        RawIrcClient watcher = member(1, "watcher", "#lost");
        member(2, "lostone", "#lost");
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.nodesListeningTo("#lost") == 2);

        cluster.node(2).kill();

        assertThat(NodeCrash.quitOf(watcher, "lostone").lastParam()).containsIgnoringCase("node lost");
        RawIrcClient rival = client(ThreeNodes.registering(cluster.node(1)));
        assertThat(ThreeNodes.nickTaken(rival, "lostone"))
                .as("the nick is free once its user quit")
                .isFalse();
    }

    private RawIrcClient member(int node, String nick, String room) {
        RawIrcClient client = client(cluster.node(node).user(nick));
        client.join(room);
        return client;
    }

    private RawIrcClient client(RawIrcClient client) {
        clients.add(client);
        return client;
    }
}
