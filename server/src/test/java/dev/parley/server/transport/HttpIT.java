package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plain HTTP face: files, /healthz, /metrics, and no way out of the web folder. */
class HttpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TCP_OPEN = "parley_connections_open{transport=\"tcp\"}";
    private static final String WEBSOCKET_OPEN = "parley_connections_open{transport=\"websocket\"}";

    @Test
    void healthzSaysOkWhileTheDatabaseAnswers() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            HttpResponse<String> health = get(server, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
        }
    }

    @Test
    void livezAndReadyzSayOk() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            for (String probe : java.util.List.of("/livez", "/readyz")) {
                HttpResponse<String> answer = get(server, probe);
                assertThat(answer.statusCode()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).isEqualTo("ok\n");
            }
        }
    }

    @Test
    void metricsFollowPrometheusConventions() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            String scrape = get(server, "/metrics").body();

            for (String counter : java.util.List.of(
                    "parley_history_dropped_total", "parley_history_lost_total", "process_cpu_seconds_total")) {
                assertThat(scrape)
                        .as(counter)
                        .containsPattern("(?m)^# TYPE " + counter.replace("_total", "") + "(_total)? counter$");
                assertThat(metric(scrape, counter)).as(counter).isGreaterThanOrEqualTo(0);
            }
            assertThat(scrape).doesNotContainPattern("(?m)^parley_history_(dropped|lost) ");
            assertThat(scrape).containsPattern("(?m)^parley_build_info\\{version=\"[^\"]+\"} 1(\\.0)?$");
            assertThat(metric(scrape, "process_files_open_files")).isPositive();
        }
    }

    @Test
    void metricsCountTrafficAsItHappens() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            double before = metric(get(server, "/metrics").body(), "parley_messages_in_total");
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            for (int i = 0; i < 5; i++) {
                alice.send("PRIVMSG #general :counted " + i);
                bob.expect(Lines.privmsgFrom("alice", "#general", "counted " + i));
            }

            // A delivery is counted just after its lines are queued: bob may read the last one first.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metric(get(server, "/metrics").body(), "parley_messages_out_total") >= 5);
            String after = get(server, "/metrics").body();
            assertThat(metric(after, "parley_messages_in_total")).isEqualTo(before + 5);
            assertThat(metric(after, "parley_users")).isEqualTo(2);
            assertThat(metric(after, "parley_rooms")).isEqualTo(1);
            assertThat(after)
                    .contains(
                            "parley_fanout_seconds_bucket",
                            "jvm_memory_used_bytes",
                            "parley_connections_opened_total{transport=\"tcp\"}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metric(get(server, "/metrics").body(), "parley_history_write_seconds_count") > 0);
        }
    }

    @Test
    void metricsCountOpenConnectionsByTransport() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            server.user("alice");
            server.user("bob");
            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            java.net.http.WebSocket ws = HTTP.newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames)
                    .join();
            ws.sendText("PING :counted", true).join();
            frames.await(line -> line.endsWith(" counted"));

            String scrape = get(server, "/metrics").body();
            assertThat(metric(scrape, TCP_OPEN)).isEqualTo(2);
            assertThat(metric(scrape, WEBSOCKET_OPEN)).isEqualTo(1);
            assertThat(metric(scrape, "parley_connections_opened_total{transport=\"websocket\"}"))
                    .isEqualTo(1);

            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").join();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metric(get(server, "/metrics").body(), WEBSOCKET_OPEN) == 0);
            assertThat(metric(get(server, "/metrics").body(), TCP_OPEN)).isEqualTo(2);
        }
    }

    @Test
    void theBrowserClientIsServedAtTheRootAndNothingOutsideTheWebFolder() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            HttpResponse<String> index = get(server, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("<html");

            assertThat(get(server, "/nothing-here.js").statusCode()).isEqualTo(404);
            assertThat(rawStatus(server, "GET /../dev/parley/server/info/help.txt HTTP/1.1"))
                    .isEqualTo(404);
            assertThat(rawStatus(server, "GET /%2e%2e/logback-test.xml HTTP/1.1"))
                    .isEqualTo(404);
            assertThat(rawStatus(server, "POST /healthz HTTP/1.1")).isEqualTo(405);
        }
    }

    @Test
    void aPathWithBrokenPercentEncodingGets400AndIsNoServerError() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            assertThat(rawStatus(server, "GET /%zz HTTP/1.1")).isEqualTo(400);
            assertThat(rawStatus(server, "GET /a%e HTTP/1.1")).isEqualTo(400);
            assertThat(metric(get(server, "/metrics").body(), "parley_errors_total"))
                    .isZero();
        }
    }

    @Test
    void filesCarryAnEntityTagAndAnUnchangedFileIsNotSentAgain() throws Exception {
        try (TestServer server = WebSocketIT.withHttp()) {
            HttpResponse<String> first = get(server, "/js/main.js");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
            assertThat(first.headers().firstValue("cache-control")).hasValue("no-cache");
            String etag = first.headers().firstValue("etag").orElseThrow();

            HttpResponse<String> again = HTTP.send(
                    HttpRequest.newBuilder(WebSocketIT.uri(server, "/js/main.js", "http"))
                            .header("If-None-Match", etag)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();

            HttpResponse<String> other = HTTP.send(
                    HttpRequest.newBuilder(WebSocketIT.uri(server, "/style.css", "http"))
                            .header("If-None-Match", etag)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode())
                    .as("another file's tag does not match")
                    .isEqualTo(200);
            assertThat(other.headers().firstValue("etag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        }
    }

    static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(WebSocketIT.uri(server, path, "http"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line as it is (no client normalises the path), returns the status code. */
    private static int rawStatus(TestServer server, String requestLine) throws Exception {
        int port = server.server().httpAddresses().get(0).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return Integer.parseInt(response.split(" ", 3)[1]);
        }
    }

    static double metric(String scrape, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(2));
            found = true;
        }
        if (!found) {
            throw new AssertionError(name + " not in /metrics");
        }
        return sum;
    }
}
