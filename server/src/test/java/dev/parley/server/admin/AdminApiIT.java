package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.AdminConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.it.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Who may use the admin API: operators, logged in, with the CSRF token, from the server's own pages. */
class AdminApiIT {

    static final UnaryOperator<ParleyConfig> WITH_HTTP =
            c -> c.withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF));

    static ConsoleClient console(TestServer server) {
        return new ConsoleClient(server.server().httpAddresses().get(0));
    }

    @Test
    void theAdminLogsInAndGetsAnHttpOnlyStrictCookieAndACsrfToken() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient console = console(server);

            HttpResponse<String> login = console.logIn("admin", "admin123");

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("\"operator\":\"admin\"").contains("\"csrf\":\"");
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie)
                    .startsWith("parley_admin=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/admin")
                    .doesNotContain("Secure"); // plain HTTP: a Secure cookie would not come back
            assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(console.get("/admin/api/session").body()).contains("\"loggedIn\":true");
            assertThat(console.get("/admin/api/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutALoginEveryEndpointButLoginIsRefused() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient console = console(server);
            for (String path : List.of(
                    "/admin/api/status",
                    "/admin/api/users",
                    "/admin/api/rooms",
                    "/admin/api/bans",
                    "/admin/api/accounts",
                    "/admin/api/metrics",
                    "/admin/api/bans/export")) {
                assertThat(console.get(path).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(console.post("/admin/api/rehash").statusCode()).isEqualTo(401);
            assertThat(console.get("/admin/api/session").body()).contains("\"loggedIn\":false");
        }
    }

    @Test
    void aUserWithoutOperatorRightsIsRefusedLikeAWrongPassword() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient admin = console(server);
            admin.logIn("admin", "admin123");
            assertThat(admin.post("/admin/api/accounts", "name", "carol", "password", "carol-secret")
                            .statusCode())
                    .isEqualTo(201);

            HttpResponse<String> carol = console(server).logIn("carol", "carol-secret");
            HttpResponse<String> wrong = console(server).logIn("admin", "not-it");

            assertThat(carol.statusCode()).isEqualTo(401);
            assertThat(carol.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(carol.body()).isEqualTo(wrong.body());
        }
    }

    @Test
    void repeatedWrongPasswordsAreRefusedUncheckedLikeIrcLogins() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            int attempts = server.config().accounts().loginAttempts();
            for (int i = 0; i < attempts; i++) {
                assertThat(console(server).logIn("admin", "guess-" + i).statusCode())
                        .isEqualTo(401);
            }

            HttpResponse<String> throttled = console(server).logIn("admin", "admin123");

            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient console = console(server);
            console.logIn("admin", "admin123");

            HttpResponse<String> missing = console.send("POST", "/admin/api/rehash", "", Map.of("X-CSRF-Token", ""));
            HttpResponse<String> wrong = console.send("POST", "/admin/api/rehash", "", Map.of("X-CSRF-Token", "x"));
            HttpResponse<String> right = console.post("/admin/api/rehash");

            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body())
                    .contains("Configuration reloaded: no reloadable setting changed", "TLS: no TLS listener");
        }
    }

    @Test
    void aRequestFromAnotherSitesPageIsRefusedEvenWithCookieAndToken() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient console = console(server);
            console.logIn("admin", "admin123");

            HttpResponse<String> foreignOrigin =
                    console.send("POST", "/admin/api/rehash", "", Map.of("Origin", "http://evil.example"));
            HttpResponse<String> crossSite =
                    console.send("GET", "/admin/api/status", "", Map.of("Sec-Fetch-Site", "cross-site"));
            HttpResponse<String> foreignLogin = console.send(
                    "POST",
                    "/admin/api/login",
                    ConsoleClient.form("name", "admin", "password", "admin123"),
                    Map.of("Origin", "http://evil.example"));
            int port = server.server().httpAddresses().get(0).getPort();
            HttpResponse<String> ownOrigin = console.send(
                    "POST",
                    "/admin/api/rehash",
                    "",
                    Map.of("Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin"));

            assertThat(foreignOrigin.statusCode()).isEqualTo(403);
            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(foreignLogin.statusCode()).isEqualTo(403);
            assertThat(ownOrigin.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void loggingOutEndsTheLogin() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            ConsoleClient console = console(server);
            console.logIn("admin", "admin123");

            assertThat(console.post("/admin/api/logout").statusCode()).isEqualTo(200);

            assertThat(console.get("/admin/api/status").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void thePageIsServedWithTheBrowserClientsSecurityHeaders() {
        try (TestServer server = TestServer.start(WITH_HTTP)) {
            HttpResponse<String> page = console(server).get("/admin/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Parley admin");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(console(server).get("/admin").statusCode()).isEqualTo(301);
        }
    }

    @Test
    void aDisabledConsoleIsNotThere() {
        try (TestServer server = TestServer.start(c -> WITH_HTTP
                .apply(c)
                .withAdmin(new AdminConfig(false, List.of(), false, AdminConfig.DEFAULT_SESSION_TIMEOUT)))) {
            ConsoleClient console = console(server);

            assertThat(console.logIn("admin", "admin123").statusCode()).isEqualTo(404);
            assertThat(console.get("/admin/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aConsoleListenerOfItsOwnServesTheConsoleAndTheHttpListenerNoLonger() {
        try (TestServer server = TestServer.start(c -> WITH_HTTP
                .apply(c)
                .withAdmin(new AdminConfig(
                        true,
                        List.of(new ListenAddress("127.0.0.1", 0)),
                        false,
                        AdminConfig.DEFAULT_SESSION_TIMEOUT)))) {
            ConsoleClient own =
                    new ConsoleClient(server.server().adminAddresses().get(0));

            assertThat(own.logIn("admin", "admin123").statusCode()).isEqualTo(200);
            assertThat(console(server).logIn("admin", "admin123").statusCode()).isEqualTo(404);
        }
    }
}
