package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 extended-monitor: a watcher that asked for it hears a monitored user's AWAY, SETNAME and
 * ACCOUNT changes without sharing a room, if it also asked for the change's own capability.
 */
class ExtendedMonitorIT {

    @Test
    void aMonitoredUsersChangesReachAWatcherWithTheCapabilities() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient watcher = server.connect();
            watcher.registerWithCaps(
                    "watcher", "chat@123", "extended-monitor", "away-notify", "setname", "account-notify");
            RawIrcClient bar = server.user("bar");
            watcher.send("MONITOR + bar");
            watcher.expect(Numeric.RPL_MONONLINE);

            bar.send("AWAY :afk");
            IrcMessage away = watcher.expectCommand("AWAY");
            assertThat(away.source()).startsWith("bar!");
            assertThat(away.params()).containsExactly("afk");
            bar.send("SETNAME :New Name");
            assertThat(watcher.expectCommand("SETNAME").params()).containsExactly("New Name");
            bar.send("REGISTER * * :correct-horse-battery");
            assertThat(watcher.expectCommand("ACCOUNT").params()).containsExactly("bar");
        }
    }

    @Test
    void withoutExtendedMonitorOrTheChangesCapabilityAWatcherHearsNothing() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient plain = server.connect();
            plain.registerWithCaps("plain", "chat@123", "away-notify");
            RawIrcClient halfway = server.connect();
            halfway.registerWithCaps("halfway", "chat@123", "extended-monitor");
            RawIrcClient bar = server.user("bar");
            for (RawIrcClient watcher : new RawIrcClient[] {plain, halfway}) {
                watcher.send("MONITOR + bar");
                watcher.expect(Numeric.RPL_MONONLINE);
            }

            bar.send("AWAY :afk");
            bar.expect(Numeric.RPL_NOWAWAY);
            plain.assertNothingMatching(Lines.command("AWAY"), Duration.ofMillis(300));
            halfway.assertNothingMatching(Lines.command("AWAY"), Duration.ofMillis(300));
        }
    }
}
