package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API on the wire: what no well-behaved client sends, and the headers every answer carries. */
class AdminExchangeIT {

    private static TestServer server() {
        return TestServer.start(
                c -> c.withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)));
    }

    @Test
    void aBrokenQueryIsABadRequestAndTheConnectionLives() {
        try (TestServer server = server();
                RawHttpConnection connection = new RawHttpConnection(
                        server.server().httpAddresses().get(0).getPort())) {
            RawHttpConnection.Response broken = connection
                    .send(RawHttpConnection.get("/admin/api/users?q=%zz"))
                    .read();
            RawHttpConnection.Response next =
                    connection.send(RawHttpConnection.get("/admin/api/session")).read();

            assertThat(broken.status()).isEqualTo(400);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("\"loggedIn\":false");
        }
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndAreNeverCached() {
        try (TestServer server = server();
                RawHttpConnection connection = new RawHttpConnection(
                        server.server().httpAddresses().get(0).getPort())) {
            RawHttpConnection.Response refused =
                    connection.send(RawHttpConnection.get("/admin/api/status")).read();

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers())
                    .containsKeys(
                            "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy");
            assertThat(refused.headers()).containsEntry("cache-control", "no-store");
        }
    }
}
