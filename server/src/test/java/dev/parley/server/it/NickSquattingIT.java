package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AccountsConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection that never registers cannot hold a registered nick against its owner. */
class NickSquattingIT {

    @Test
    void aConnectionThatOnlySendsNickAdminDoesNotBlockTheAdminsPassLogin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient squatter = server.connect();
            squatter.send("NICK admin");
            squatter.send("PING squatting");
            squatter.expectCommand("PONG");

            RawIrcClient admin = server.connect();
            List<IrcMessage> burst = admin.register("admin", "admin123");
            assertThat(burst).anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
            admin.expect(Numeric.RPL_YOUREOPER);

            squatter.send("PASS chat@123");
            squatter.send("USER squat 0 * :Squatter");
            assertThat(squatter.expect(Numeric.ERR_NICKNAMEINUSE).param(1)).isEqualTo("admin");
            squatter.send("NICK squatter");
            squatter.expect(Numeric.RPL_WELCOME);
        }
    }

    @Test
    void aConnectionThatOnlySendsNickAdminDoesNotBlockTheAdminsSaslLogin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient squatter = server.connect();
            squatter.send("NICK admin");
            squatter.send("PING squatting");
            squatter.expectCommand("PONG");

            RawIrcClient admin = server.connect();
            admin.send("CAP REQ :sasl");
            admin.expect(Lines.commandWithParams("CAP", "*", "ACK"));
            admin.send("NICK admin");
            admin.send("USER admin 0 * :Admin");
            admin.send("AUTHENTICATE PLAIN");
            admin.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
            admin.send("AUTHENTICATE "
                    + Base64.getEncoder().encodeToString("admin\0admin\0admin123".getBytes(StandardCharsets.UTF_8)));
            admin.expect(Numeric.RPL_SASLSUCCESS);
            admin.send("CAP END");
            assertThat(admin.expect(Numeric.RPL_WELCOME).param(0)).isEqualTo("admin");
        }
    }

    @Test
    void withoutMulticlientASecondLoginOfTheOwnerWhileTheFirstHoldsTheNickGets433AndStaysConnected() {
        // With accounts.multiclient (the default) it joins the first as another device: SeveralDevicesIT.
        try (TestServer server = TestServer.start(c -> c.withAccounts(withoutMulticlient(c.accounts())))) {
            server.admin();
            RawIrcClient second = server.connect();
            second.send("PASS admin123");
            second.send("NICK admin");
            second.send("USER admin 0 * :Admin");
            assertThat(second.expect(Numeric.ERR_NICKNAMEINUSE).param(1)).isEqualTo("admin");
            second.send("PING still-here");
            assertThat(second.expectCommand("PONG").lastParam()).isEqualTo("still-here");
        }
    }

    private static AccountsConfig withoutMulticlient(AccountsConfig a) {
        return new AccountsConfig(
                a.registration(),
                a.bcryptCost(),
                a.minPasswordLength(),
                a.loginAttempts(),
                a.loginWindow(),
                a.registrationsPerIp(),
                a.registrationWindow(),
                false,
                a.alwaysOn());
    }
}
