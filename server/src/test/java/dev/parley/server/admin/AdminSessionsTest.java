package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AdminSessions sessions = new AdminSessions(Duration.ofMinutes(30), clock);

    private static String cookieOf(ConsoleLogin login) {
        return "theme=dark; " + AdminSessions.COOKIE + "=" + login.token();
    }

    @Test
    void aLoginLastsWhileItIsUsedAndEndsAfterTheTimeoutWithoutUse() {
        ConsoleLogin login = sessions.open("admin", "127.0.0.1");

        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(sessions.find(cookieOf(login))).isPresent();
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(sessions.find(cookieOf(login))).as("used 29 minutes ago").isPresent();
        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertThat(sessions.find(cookieOf(login))).isEmpty();
    }

    @Test
    void tokensAndCsrfTokensAreUnguessableAndDistinct() {
        ConsoleLogin one = sessions.open("admin", "127.0.0.1");
        ConsoleLogin two = sessions.open("admin", "127.0.0.1");

        assertThat(one.token()).hasSize(43).isNotEqualTo(two.token()).isNotEqualTo(one.csrf());
        assertThat(AdminSessions.csrfMatches(one, one.csrf())).isTrue();
        assertThat(AdminSessions.csrfMatches(one, two.csrf())).isFalse();
        assertThat(AdminSessions.csrfMatches(one, null)).isFalse();
        assertThat(sessions.find(AdminSessions.COOKIE + "=forged")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void theNumberOfLoginsIsBoundedTheOneNearestItsEndGoingFirst() {
        ConsoleLogin oldest = sessions.open("admin", "127.0.0.1");
        now.set(now.get().plusSeconds(1));
        for (int i = 0; i < AdminSessions.MAX_LOGINS; i++) {
            sessions.open("op", "127.0.0.1");
        }

        assertThat(sessions.count()).isEqualTo(AdminSessions.MAX_LOGINS);
        assertThat(sessions.find(cookieOf(oldest))).isEmpty();
    }

    @Test
    void anOperatorsLoginsEndTogether() {
        ConsoleLogin dave = sessions.open("dave", "127.0.0.1");
        sessions.open("dave", "192.0.2.7");
        ConsoleLogin admin = sessions.open("admin", "127.0.0.1");

        sessions.closeAllOf("dave");

        assertThat(sessions.find(cookieOf(dave))).isEmpty();
        assertThat(sessions.find(cookieOf(admin))).isPresent();
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOnlyOverHttps() {
        ConsoleLogin login = sessions.open("admin", "127.0.0.1");

        assertThat(sessions.cookie(login, true)).contains("HttpOnly", "SameSite=Strict", "Path=/admin", "; Secure");
        assertThat(sessions.cookie(login, false)).doesNotContain("Secure");
    }
}
