package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order and the bound of answers on one connection, with the health answer held back by the test. */
class HttpRoutesTest {

    /** Endpoints whose health answer completes when the test says. */
    private static final class HeldHealth implements HttpEndpoints {
        final CompletableFuture<Boolean> health = new CompletableFuture<>();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public CompletionStage<Boolean> ready() {
            asked.incrementAndGet();
            return health;
        }

        @Override
        public CompletionStage<String> metrics() {
            return CompletableFuture.completedFuture("parley_up 1\n");
        }
    }

    private final HeldHealth endpoints = new HeldHealth();
    private final AtomicInteger errors = new AtomicInteger();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpRoutes(endpoints, Optional.of(new WebResources()), true, errors::incrementAndGet));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void whileAnAnswerIsPendingLaterRequestsWaitAndTheConnectionStopsReading() {
        channel.writeInbound(get("/healthz"), get("/metrics"), get("/"));

        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat((Object) channel.readOutbound())
                .as("nothing answered before the health check")
                .isNull();

        endpoints.health.complete(true);
        channel.runPendingTasks();

        assertThat(body(channel.readOutbound())).isEqualTo("ok\n");
        assertThat(body(channel.readOutbound())).isEqualTo("parley_up 1\n");
        assertThat(body(channel.readOutbound())).contains("<html");
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void aClientPipeliningMoreThanTheQueueHoldsIsClosed() {
        channel.writeInbound(get("/healthz"));
        for (int i = 0; i < HttpRoutes.MAX_WAITING; i++) {
            channel.writeInbound(get("/healthz"));
        }
        assertThat(channel.isActive()).isTrue();

        channel.writeInbound(get("/healthz"));

        assertThat(channel.isActive()).isFalse();
        assertThat(endpoints.asked)
                .as("queued requests never reached the endpoints")
                .hasValue(1);
        assertThat(errors).hasValue(0);
        channel.finishAndReleaseAll();
    }

    @Test
    void livenessIsAnsweredAtOnceWithoutAskingTheEndpoints() {
        channel.writeInbound(get("/livez"));

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(body(response)).isEqualTo("ok\n");
        assertThat(endpoints.asked).hasValue(0);
        assertThat(channel.isActive()).as("HTTP/1.1 keeps the connection").isTrue();
    }

    @Test
    void readinessAndItsOldNameSay503WhileTheServerStops() {
        channel.writeInbound(get("/readyz"), get("/healthz"));
        endpoints.health.complete(false);
        channel.runPendingTasks();

        for (String path : new String[] {"/readyz", "/healthz"}) {
            FullHttpResponse response = channel.readOutbound();
            assertThat(response.status()).as(path).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
            assertThat(body(response)).isEqualTo("not ready\n");
        }
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        channel.writeInbound(get("/metrics"));
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("text/plain; version=0.0.4");
        assertThat(body(response)).isEqualTo("parley_up 1\n");
    }

    @Test
    void onlyGetAndHeadAreServedAndHeadHasNoBodyButItsLength() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/livez"));
        FullHttpResponse refused = channel.readOutbound();
        assertThat(refused.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
        refused.release();

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/livez"));
        FullHttpResponse head = channel.readOutbound();
        assertThat(head.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(3);
        assertThat(body(head)).isEmpty();
    }

    @Test
    void filesAreServedWithAnEtagAndACurrentCopyIsNotSentAgain() {
        channel.writeInbound(get("/"));
        FullHttpResponse first = channel.readOutbound();
        String etag = first.headers().get(HttpHeaderNames.ETAG);
        assertThat(first.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
        assertThat(body(first)).contains("<html");

        FullHttpRequest again = get("/");
        again.headers().set(HttpHeaderNames.IF_NONE_MATCH, etag);
        channel.writeInbound(again);
        FullHttpResponse second = channel.readOutbound();
        assertThat(second.status()).isEqualTo(HttpResponseStatus.NOT_MODIFIED);
        assertThat(body(second)).isEmpty();
    }

    @Test
    void anUnknownPathIs404AndABrokenOneIs400AndCloses() {
        channel.writeInbound(get("/no-such-file"));
        FullHttpResponse missing = channel.readOutbound();
        assertThat(missing.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
        missing.release();
        assertThat(channel.isActive()).isTrue();

        channel.writeInbound(get("/%zz"));
        FullHttpResponse broken = channel.readOutbound();
        assertThat(broken.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
        broken.release();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void anHttp10RequestIsAnsweredAndTheConnectionClosed() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/livez"));

        FullHttpResponse response = channel.readOutbound();
        assertThat(body(response)).isEqualTo("ok\n");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void withMetricsElsewhereThePublicRoutesAnswerMetricsWith404AndKeepTheFiles() {
        EmbeddedChannel publicOnly = new EmbeddedChannel(
                new HttpRoutes(endpoints, Optional.of(new WebResources()), false, errors::incrementAndGet));

        publicOnly.writeInbound(get("/metrics"), get("/"));

        FullHttpResponse metrics = publicOnly.readOutbound();
        assertThat(metrics.status().code()).isEqualTo(404);
        assertThat(body(metrics)).doesNotContain("parley_up");
        assertThat(body(publicOnly.readOutbound())).contains("<html");
        publicOnly.finishAndReleaseAll();
    }

    @Test
    void theMetricsRoutesServeNoFiles() {
        EmbeddedChannel metricsOnly =
                new EmbeddedChannel(new HttpRoutes(endpoints, Optional.empty(), true, errors::incrementAndGet));

        metricsOnly.writeInbound(get("/"), get("/metrics"));

        FullHttpResponse file = metricsOnly.readOutbound();
        assertThat(file.status().code()).isEqualTo(404);
        file.release();
        assertThat(body(metricsOnly.readOutbound())).isEqualTo("parley_up 1\n");
        metricsOnly.finishAndReleaseAll();
    }

    private static FullHttpRequest get(String path) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
    }

    private static String body(Object response) {
        FullHttpResponse full = (FullHttpResponse) response;
        try {
            return full.content().toString(StandardCharsets.UTF_8);
        } finally {
            full.release();
        }
    }
}
