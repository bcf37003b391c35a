package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import org.junit.jupiter.api.Test;

class SmokeIT {

    @Test
    void twoUsersInGeneralExchangeMessages() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            alice.send("PRIVMSG #general :hello bob");
            bob.expect(Lines.privmsgFrom("alice", "#general", "hello bob"));
            bob.send("PRIVMSG #general :hi alice");
            alice.expect(Lines.privmsgFrom("bob", "#general", "hi alice"));
            alice.send("WHOIS bob");
            assertThat(alice.expect(Numeric.RPL_WHOISUSER).param(1)).isEqualTo("bob");
        }
    }
}
