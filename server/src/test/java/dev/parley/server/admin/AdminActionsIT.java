package dev.parley.server.admin;

import static dev.parley.server.admin.ConsoleClient.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every endpoint of the admin API doing what its IRC command does, seen from IRC clients. */
class AdminActionsIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    private static ConsoleClient loggedIn(TestServer server) {
        ConsoleClient console = AdminApiIT.console(server);
        assertThat(console.logIn("admin", "admin123").statusCode()).isEqualTo(200);
        return console;
    }

    @Test
    void statusTellsVersionUptimeNodesCountsAndHistory() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            server.user("alice").join("#general");
            ConsoleClient console = loggedIn(server);

            String status = console.get("/admin/api/status").body();

            assertThat(status)
                    .contains("\"version\":\"")
                    .contains("\"uptimeSeconds\":")
                    .contains("\"nodes\":[{")
                    .contains("\"users\":1")
                    .contains("\"rooms\":1")
                    .contains("\"history\":{\"enabled\":true");
            assertThat(console.get("/admin/api/metrics").body()).contains("parley_connections");
        }
    }

    @Test
    void usersAreFoundByMaskAndShownLikeWhois() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            server.user("alice").join("#general");
            server.user("bob");
            ConsoleClient console = loggedIn(server);

            String found = console.get("/admin/api/users?q=ali*").body();
            String whois = console.get("/admin/api/users/alice").body();

            assertThat(found)
                    .contains("\"nick\":\"alice\"")
                    .doesNotContain("\"bob\"")
                    .contains("\"total\":1");
            assertThat(whois)
                    .contains("\"room\":\"#general\"")
                    .contains("\"address\":\"127.0.0.1\"")
                    .contains("\"idleSeconds\":");
            assertThat(console.get("/admin/api/users/nobody").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aKickFromTheConsoleIsSeenByTheRoomAndTheVictim() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            ConsoleClient console = loggedIn(server);

            HttpResponse<String> kick = console.post("/admin/api/users/bob/kick", "room", "#general", "reason", "calm");

            assertThat(kick.statusCode()).isEqualTo(200);
            assertThat(bob.expect(Lines.commandWithParams("KICK", "#general", "bob"))
                            .lastParam())
                    .isEqualTo("calm");
            alice.expect(Lines.commandWithParams("KICK", "#general", "bob"));
            assertThat(console.get("/admin/api/rooms/" + segment("#general")).body())
                    .doesNotContain("\"bob\"");
        }
    }

    @Test
    void aKillClosesTheConnectionWithTheOperatorsName() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            RawIrcClient bob = server.user("bob");
            ConsoleClient console = loggedIn(server);

            assertThat(console.post("/admin/api/users/bob/kill", "reason", "go away")
                            .statusCode())
                    .isEqualTo(200);

            assertThat(bob.expectCommand("ERROR").lastParam()).contains("Killed (admin (go away))");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void roomsAreListedDescribedGivenATopicAndModesAndClosed() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            RawIrcClient alice = server.user("alice");
            alice.join("#general");
            ConsoleClient console = loggedIn(server);
            String room = "/admin/api/rooms/" + segment("#general");

            assertThat(console.get("/admin/api/rooms").body())
                    .contains("\"name\":\"#general\"")
                    .contains("\"members\":1");
            assertThat(console.get(room).body())
                    .contains("\"nick\":\"alice\"")
                    .contains("\"prefix\":\"@\"")
                    .contains("\"modes\":\"+");
            assertThat(console.post(room + "/topic", "topic", "Be kind").statusCode())
                    .isEqualTo(200);
            assertThat(alice.expectCommand("TOPIC").lastParam()).isEqualTo("Be kind");
            assertThat(console.get(room).body()).contains("\"text\":\"Be kind\"");

            assertThat(console.post(room + "/modes", "flags", "+m-t").body()).contains("\"modes\":\"+mn\"");
            assertThat(alice.expectCommand("MODE").params()).containsExactly("#general", "+m-t");
            assertThat(console.post(room + "/modes", "flags", "+k").statusCode())
                    .isEqualTo(400);

            assertThat(console.post(room + "/close", "reason", "maintenance").body())
                    .contains("\"kicked\":1");

            alice.expect(Lines.commandWithParams("KICK", "#general", "alice"));
            assertThat(console.get(room).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aBanFromTheConsoleDisconnectsTheUserIsListedAndIsLifted() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            RawIrcClient bob = server.user("bob");
            ConsoleClient console = loggedIn(server);

            HttpResponse<String> ban =
                    console.post("/admin/api/bans", "target", "bob", "reason", "spam", "expires", "2h");

            assertThat(ban.statusCode()).isEqualTo(200);
            assertThat(ban.body())
                    .contains("\"mask\":\"bob!*@*\"")
                    .contains("\"disconnected\":1")
                    .contains("\"stored\":true");
            assertThat(bob.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spam [expires ");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();
            assertThat(console.get("/admin/api/bans").body())
                    .contains("\"mask\":\"bob!*@*\"")
                    .contains("\"setBy\":\"admin\"")
                    .contains("\"expiresAt\":\"20");
            assertThat(console.get("/admin/api/bans/export").body()).startsWith("bob\n");

            assertThat(console.delete("/admin/api/bans/" + segment("bob!*@*")).statusCode())
                    .isEqualTo(200);

            assertThat(console.get("/admin/api/bans").body()).contains("\"bans\":[]");
            assertThat(console.delete("/admin/api/bans/" + segment("bob!*@*")).statusCode())
                    .isEqualTo(404);
            server.user("bob"); // registers again: the ban is lifted
        }
    }

    @Test
    void anImportedBanTxtBansAndDisconnectsWhomItNames() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            RawIrcClient mallory = server.user("mallory");
            ConsoleClient console = loggedIn(server);

            HttpResponse<String> imported = console.send(
                    "POST",
                    "/admin/api/bans/import",
                    "# the seed's file\nmallory\ntroll!*@* flooding\n",
                    java.util.Map.of("Content-Type", "text/plain"));

            assertThat(imported.body()).contains("\"imported\":2").contains("\"disconnected\":1");
            assertThat(mallory.awaitClosed(CLOSE_WITHIN)).isTrue();
            assertThat(console.get("/admin/api/bans").body())
                    .contains("mallory!*@*")
                    .contains("\"reason\":\"flooding\"");
        }
    }

    @Test
    void accountsAreCreatedMadeOperatorsGivenNewPasswordsAndDeleted() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            ConsoleClient console = loggedIn(server);

            assertThat(console.post("/admin/api/accounts", "name", "dave", "password", "short")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(console.post("/admin/api/accounts", "name", "dave", "password", "dave-secret")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(console.post("/admin/api/accounts", "name", "dave", "password", "dave-secret")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(console.get("/admin/api/accounts").body()).contains("{\"name\":\"dave\",\"operator\":false");
            assertThat(console.post("/admin/api/accounts/dave/operator", "operator", "true")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(console.post("/admin/api/accounts/dave/password", "password", "dave-new-secret")
                            .statusCode())
                    .isEqualTo(200);

            ConsoleClient dave = AdminApiIT.console(server);
            assertThat(dave.logIn("dave", "dave-new-secret").statusCode()).isEqualTo(200);

            assertThat(console.post("/admin/api/accounts/dave/operator", "operator", "false")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(dave.get("/admin/api/status").statusCode())
                    .as("no longer an operator")
                    .isEqualTo(401);
            assertThat(console.delete("/admin/api/accounts/dave").statusCode()).isEqualTo(200);
            assertThat(console.get("/admin/api/accounts").body()).doesNotContain("\"dave\"");
            assertThat(console.delete("/admin/api/accounts/admin").statusCode()).isEqualTo(409);
        }
    }

    @Test
    void unknownEndpointsAndWrongMethodsAreTold() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            ConsoleClient console = loggedIn(server);

            assertThat(console.get("/admin/api/nothing").statusCode()).isEqualTo(404);
            assertThat(console.delete("/admin/api/status").statusCode()).isEqualTo(405);
        }
    }
}
