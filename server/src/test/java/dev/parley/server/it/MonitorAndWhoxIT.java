package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.RawIrcClient;
import org.junit.jupiter.api.Test;

class MonitorAndWhoxIT {

    @Test
    void aWatcherLearnsWhenAMonitoredNickComesAndGoes() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient watcher = server.user("watcher");
            watcher.send("MONITOR + friend,stranger");
            assertThat(watcher.expect(Numeric.RPL_MONOFFLINE).lastParam()).isEqualTo("friend,stranger");

            RawIrcClient friend = server.user("friend");
            assertThat(watcher.expect(Numeric.RPL_MONONLINE).lastParam()).startsWith("friend!");

            friend.send("NICK FRIEND");
            friend.send("NICK pal");
            // a change of case only is no news; the next change is, named as the nick last was
            assertThat(watcher.expect(Numeric.RPL_MONOFFLINE).lastParam()).isEqualTo("FRIEND");

            watcher.send("MONITOR L");
            assertThat(watcher.expect(Numeric.RPL_MONLIST).lastParam()).isEqualTo("friend,stranger");
            watcher.expect(Numeric.RPL_ENDOFMONLIST);

            watcher.send("MONITOR - friend");
            friend.send("NICK friend");
            watcher.send("MONITOR S");
            assertThat(watcher.expect(Numeric.RPL_MONOFFLINE).lastParam()).isEqualTo("stranger");
        }
    }

    @Test
    void theMonitorListIsBounded() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient watcher = server.user("watcher");
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 101; i++) {
                many.append(i == 0 ? "" : ",").append("n").append(i);
            }
            watcher.send("MONITOR + " + many);
            assertThat(watcher.expect(Numeric.ERR_MONLISTFULL).param(1)).isEqualTo("100");
        }
    }

    @Test
    void whoxAnswersTheAskedFieldsInOrderWithTheToken() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.join("#room");
            alice.send("WHO #room %rnct,42");
            IrcMessage reply = alice.expect(Numeric.RPL_WHOSPCRPL);
            assertThat(reply.params()).containsExactly("alice", "42", "#room", "alice", "alice (Parley testkit)");
            alice.expect(Numeric.RPL_ENDOFWHO);
        }
    }
}
