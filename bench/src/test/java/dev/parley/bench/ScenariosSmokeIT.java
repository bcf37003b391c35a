package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * A short run of each load scenario against a started Parley, so the load generator keeps working.
 * Seconds, not minutes: benchmarks themselves are not tests (see docs/performance.md).
 */
class ScenariosSmokeIT {

    private static Target target(TestServer server) {
        InetSocketAddress address = server.address();
        return new Target(
                address.getHostString(),
                address.getPort(),
                "chat@123",
                ProcessHandle.current().pid());
    }

    private static TestServer server() {
        return TestServer.start(ChatHistory::withoutFloodControl);
    }

    @Test
    void connectRegistersEveryClientAndMeasuresIt() throws Exception {
        try (TestServer server = server()) {
            Report report = ConnectScenario.run(target(server), 50, 50);

            assertThat(report.values()).containsEntry("disconnected", 0L);
            assertThat((Double) report.values().get("registrations_per_s")).isPositive();
            assertThat(report.values()).containsKeys("registration_p99_ms", "server_rss_per_client_kib");
            assertThat(report.json()).startsWith("{\"scenario\": \"connect\"");
        }
    }

    @Test
    void connectAtARateIsPaced() throws Exception {
        try (TestServer server = server()) {
            Report report = ConnectScenario.run(target(server), 20, 20, 100, 10);

            // 20 connections at 100/s span at least 190 ms, so they cannot register faster than ~105/s.
            assertThat((Double) report.values().get("registrations_per_s"))
                    .isPositive()
                    .isLessThan(110.0);
            assertThat(report.values())
                    .containsEntry("rate", 100.0)
                    .containsEntry("warmup", 10)
                    .containsEntry("disconnected", 0L);
        }
    }

    @Test
    void fanoutDeliversEveryMessageToEveryOtherMember() throws Exception {
        try (TestServer server = server()) {
            Report report = TrafficScenario.run(target(server), new TrafficScenario.Plan("fanout", 40, 4, 8, 10, 0, 0));

            assertThat(report.values())
                    .containsEntry("messages_sent", 80L)
                    .containsEntry("deliveries_expected", 720L)
                    .containsEntry("deliveries", 720L)
                    .containsEntry("loss", 0L);
            assertThat(report.table()).contains("latency_p99_ms", "server_cpu_us_per_delivery");
        }
    }

    @Test
    void privateMessagesAtAFixedRateArriveOnce() throws Exception {
        try (TestServer server = server()) {
            Report report = TrafficScenario.run(target(server), new TrafficScenario.Plan("dm", 20, 0, 10, 5, 500, 0));

            assertThat(report.values()).containsEntry("deliveries", 50L).containsEntry("loss", 0L);
        }
    }

    @Test
    void aWindowHoldsEachSenderToItsUndeliveredMessages() throws Exception {
        try (TestServer server = server()) {
            Report report =
                    TrafficScenario.run(target(server), new TrafficScenario.Plan("fanout", 30, 3, 6, 20, 0, 0, 0, 1));

            assertThat(report.values())
                    .containsEntry("window", 1)
                    .containsEntry("messages_sent", 120L)
                    .containsEntry("deliveries_expected", 1080L)
                    .containsEntry("deliveries", 1080L)
                    .containsEntry("loss", 0L);
        }
    }

    @Test
    void warmupMessagesAreSentFirstAndLeftOutOfTheFigures() throws Exception {
        try (TestServer server = server()) {
            Report report =
                    TrafficScenario.run(target(server), new TrafficScenario.Plan("dm", 20, 0, 10, 5, 0, 0, 7, 0));

            assertThat(report.values())
                    .containsEntry("warmup_per_sender", 7)
                    .containsEntry("warmup_loss", 0L)
                    .containsEntry("messages_sent", 50L)
                    .containsEntry("deliveries_expected", 50L)
                    .containsEntry("deliveries", 50L)
                    .containsEntry("loss", 0L);
        }
    }

    @Test
    void historyTimesChathistoryLatest() throws Exception {
        try (TestServer server = server()) {
            Report report = HistoryScenario.run(target(server), "#smoke", 30, 20, 10, 5);

            assertThat(report.values())
                    .containsEntry("answered", 20)
                    .containsEntry("warmup", 5)
                    .containsEntry("messages_returned", 250);
            assertThat(report.values()).containsKey("latest_p99_ms");
        }
    }
}
