package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics.listen}: the scrape moves to its own listener and leaves the public one, which
 * keeps serving everything else; unset, {@code /metrics} stays where it was.
 */
class MetricsListenIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ListenAddress ANY_LOOPBACK_PORT = new ListenAddress("127.0.0.1", 0);

    @Test
    void withMetricsListenTheScrapeIsThereAndNotOnThePublicListener() throws Exception {
        try (TestServer server =
                TestServer.start(c -> c.withHttp(new HttpConfig(List.of(ANY_LOOPBACK_PORT), HttpConfig.Tls.OFF)
                        .withMetricsListen(List.of(ANY_LOOPBACK_PORT))))) {
            int publicPort = server.server().httpAddresses().get(0).getPort();
            int metricsPort = server.server().metricsAddresses().get(0).getPort();
            assertThat(metricsPort).isNotEqualTo(publicPort);

            HttpResponse<String> scrape = get(metricsPort, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(scrape.body()).contains("parley_build_info");
            assertThat(get(metricsPort, "/livez").statusCode()).isEqualTo(200);
            assertThat(get(metricsPort, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(metricsPort, "/").statusCode())
                    .as("no browser client on the metrics port")
                    .isEqualTo(404);

            HttpResponse<String> publicScrape = get(publicPort, "/metrics");
            assertThat(publicScrape.statusCode()).isEqualTo(404);
            assertThat(publicScrape.body()).doesNotContain("parley_");
            assertThat(get(publicPort, "/").statusCode())
                    .as("the browser client stays")
                    .isEqualTo(200);
            assertThat(get(publicPort, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutItTheScrapeStaysOnTheHttpListener() throws Exception {
        try (TestServer server =
                TestServer.start(c -> c.withHttp(new HttpConfig(List.of(ANY_LOOPBACK_PORT), HttpConfig.Tls.OFF)))) {
            assertThat(server.server().metricsAddresses()).isEmpty();
            HttpResponse<String> scrape =
                    get(server.server().httpAddresses().get(0).getPort(), "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("parley_build_info");
        }
    }

    @Test
    void theKeyIsReadFromTheEnvironmentLikeEveryOther() throws Exception {
        HttpConfig http = new ConfigLoader()
                .environment(Map.of("PARLEY_METRICS__LISTEN", "127.0.0.1:9100"))
                .load()
                .http();
        assertThat(http.metricsListen()).containsExactly(new ListenAddress("127.0.0.1", 9100));
        assertThat(new ConfigLoader().load().http().metricsListen()).isEmpty();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
