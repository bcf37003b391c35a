package dev.parley.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code contrib/} read only series the
 * server exports: every metric name in every expression is checked against a live {@code /metrics}
 * of a real server, so a renamed metric breaks this test instead of an operator's dashboard.
 */
class MonitoringFilesIT {

    private static final Path CONTRIB =
            Path.of(System.getProperty("parley.repo.root", "..")).resolve("contrib");
    /** Series Prometheus records itself for every target, not exported by the server. */
    private static final Set<String> RECORDED_BY_PROMETHEUS = Set.of("up");

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private static Set<String> exported;

    @BeforeAll
    static void scrapeALiveServer() throws Exception {
        try (TestServer server = TestServer.start(
                c -> c.withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)))) {
            int port = server.server().httpAddresses().get(0).getPort();
            // The GC pause timer appears with the first collection; ask for one rather than wait for it.
            System.gc();
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(port).contains("jvm_gc_pause_seconds_count"));
            exported = namesIn(scrape(port));
        }
    }

    @Test
    void everyAlertRuleReadsExportedMetrics() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(CONTRIB.resolve("prometheus/parley-rules.yaml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : listOfMaps(rules.get("groups"))) {
            for (Map<String, Object> rule : listOfMaps(group.get("rules"))) {
                assertThat(rule)
                        .as("rule %s", rule.get("alert"))
                        .containsKeys("alert", "expr", "labels", "annotations");
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        assertThat(unknownNames(expressions)).isEmpty();
    }

    @Test
    void everyDashboardPanelReadsExportedMetrics() throws Exception {
        // A strict JSON parser (Selenium's, already on the test class path): Grafana refuses what YAML would forgive.
        Map<String, Object> dashboard =
                new Json().toType(Files.readString(CONTRIB.resolve("grafana/parley.json")), Json.MAP_TYPE);
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : listOfMaps(dashboard.get("panels"))) {
            for (Map<String, Object> target : listOfMaps(panel.getOrDefault("targets", List.of()))) {
                expressions.add((String) target.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(20).doesNotContainNull();
        assertThat(unknownNames(expressions)).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> templating = (Map<String, Object>) dashboard.get("templating");
        for (Map<String, Object> variable : listOfMaps(templating.get("list"))) {
            Matcher metric = LABEL_VALUES.matcher((String) variable.get("definition"));
            assertThat(metric.find()).as("variable %s", variable.get("name")).isTrue();
            assertThat(exported).contains(metric.group(1));
        }
    }

    /** Each unknown name with the expression that reads it, for a message that says where to look. */
    private static Set<String> unknownNames(List<String> expressions) {
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = PromQlNames.in(expression);
            assertThat(names).as("metrics in %s", expression).isNotEmpty();
            for (String name : names) {
                if (!exported.contains(name) && !RECORDED_BY_PROMETHEUS.contains(name)) {
                    unknown.add(name + " in " + expression);
                }
            }
        }
        return unknown;
    }

    /** Sample names as scraped, so histogram (_bucket, _count, _sum) and counter (_total) suffixes are included. */
    private static Set<String> namesIn(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }

    private static String scrape(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
