package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin console works with the configuration in force: a reload changes its limits too. */
class ConsoleReloadIT {

    @TempDir
    Path dir;

    private Path config(int minPasswordLength) throws Exception {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "server:",
                        "  listen: [127.0.0.1:0]",
                        "http:",
                        "  listen: [127.0.0.1:0]",
                        "storage:",
                        "  data-dir: \"" + dir.resolve("data") + "\"",
                        "accounts:",
                        "  bcrypt-cost: 4",
                        "  min-password-length: " + minPasswordLength,
                        ""));
        return file;
    }

    @Test
    void aLongerMinimumPasswordSetByAReloadAppliesToAccountsMadeInTheConsole() throws Exception {
        try (TestServer server = TestServer.startFromFile(config(8))) {
            ConsoleClient admin =
                    new ConsoleClient(server.server().httpAddresses().get(0));
            admin.logIn("admin", "admin123");
            assertThat(admin.post("/admin/api/accounts", "name", "carol", "password", "twelve-chars")
                            .statusCode())
                    .isEqualTo(201);

            config(20);
            HttpResponse<String> reload = admin.post("/admin/api/rehash");
            assertThat(reload.body()).contains("accounts.min-password-length");

            HttpResponse<String> refused =
                    admin.post("/admin/api/accounts", "name", "dave", "password", "twelve-chars");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("at least 20 characters");
        }
    }
}
