package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WallopsIT {

    @Test
    void wallopsReachUsersWithModeWOnly() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient reader = server.user("reader");
            RawIrcClient other = server.user("other");
            reader.send("MODE reader +w");
            assertThat(reader.expectCommand("MODE").lastParam()).isEqualTo("+w");
            RawIrcClient admin = server.admin();

            admin.send("WALLOPS :maintenance at noon");

            assertThat(reader.expectCommand("WALLOPS").lastParam()).isEqualTo("maintenance at noon");
            other.send("PING :sync");
            other.assertNothingMatching(Lines.command("WALLOPS"), Duration.ofMillis(300));
        }
    }

    @Test
    void onlyOperatorsMaySendWallops() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient user = server.user("user");
            user.send("WALLOPS :hello");
            user.expect(Numeric.ERR_NOPRIVILEGES);
        }
    }
}
