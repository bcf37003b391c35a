package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every response leaves with the browser security headers, whoever wrote it. */
class HttpSecurityHeadersTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(HttpSecurityHeaders.INSTANCE);

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFullResponseGetsEveryHeader() {
        channel.writeOutbound(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.NOT_FOUND,
                channel.alloc().buffer().writeBytes("not found\n".getBytes(StandardCharsets.UTF_8))));

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.headers().get("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.headers().get("Content-Security-Policy"))
                    .contains("default-src 'self'", "frame-ancestors 'none'", "connect-src 'self' ws: wss:");
        } finally {
            response.release();
        }
    }

    @Test
    void aStreamedResponseHeadGetsThemTooAndOtherWritesPassUntouched() {
        ByteBuf raw = channel.alloc().buffer().writeBytes(new byte[] {1, 2, 3});
        channel.writeOutbound(
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS), raw);

        HttpResponse head = channel.readOutbound();
        assertThat(head.headers().get("X-Frame-Options")).isEqualTo("DENY");
        ByteBuf passed = channel.readOutbound();
        assertThat(passed).isSameAs(raw);
        passed.release();
    }

    @Test
    void theTextFormForRawResponsesHasTheSameHeadersAsLines() {
        assertThat(HttpSecurityHeaders.asText().split("\r\n"))
                .hasSize(4)
                .anySatisfy(line -> assertThat(line).isEqualTo("X-Frame-Options: DENY"))
                .anySatisfy(line -> assertThat(line).isEqualTo("Referrer-Policy: no-referrer"))
                .allSatisfy(line -> assertThat(line).matches("[A-Za-z-]+: \\S.*"));
        assertThat(HttpSecurityHeaders.asText()).endsWith("\r\n");
    }
}
