package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.auth.Bans;
import dev.parley.server.store.memory.InMemoryBanStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BanExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aBanWhoseEndHasPassedIsLiftedAndOneForGoodOrStillRunningStays() {
        InMemoryBanStore store = new InMemoryBanStore(CaseMapping.RFC1459);
        Bans bans = new Bans(store, CaseMapping.RFC1459, Runnable::run);
        bans.add("ended", BanExpiry.reasonUntil("spam", NOW.minusSeconds(1)), "admin");
        bans.add("running", BanExpiry.reasonUntil("spam", NOW.plusSeconds(60)), "admin");
        bans.add("forever", "spam", "admin");
        BanExpiry expiry = new BanExpiry(bans, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(expiry.sweep()).isEqualTo(1);

        assertThat(bans.list()).extracting(ban -> ban.mask()).containsExactly("running!*@*", "forever!*@*");
        assertThat(store.list()).extracting(ban -> ban.mask()).containsExactlyInAnyOrder("running!*@*", "forever!*@*");
    }

    @Test
    void theEndIsReadBackFromTheReasonAndAReasonThatMerelyLooksLikeOneIsForGood() {
        var ban = new dev.parley.server.store.Ban("x!*@*", BanExpiry.reasonUntil("spam", NOW), "admin", NOW);
        var lookalike = new dev.parley.server.store.Ban("y!*@*", "said [expires tomorrow]", "admin", NOW);

        assertThat(BanExpiry.endOf(ban)).hasValue(NOW);
        assertThat(BanExpiry.endOf(lookalike)).isEmpty();
    }

    @Test
    void lengthsAreReadAsTheConsoleOffersThem() {
        assertThat(BanExpiry.parseLength("30m")).hasValue(Duration.ofMinutes(30));
        assertThat(BanExpiry.parseLength("12h")).hasValue(Duration.ofHours(12));
        assertThat(BanExpiry.parseLength("7d")).hasValue(Duration.ofDays(7));
        assertThat(BanExpiry.parseLength("2W")).hasValue(Duration.ofDays(14));
        assertThat(BanExpiry.parseLength("0d")).isEmpty();
        assertThat(BanExpiry.parseLength("soon")).isEmpty();
        assertThat(BanExpiry.parseLength("5")).isEmpty();
    }
}
