package dev.parley.server.admin;

import dev.parley.server.auth.Bans;
import dev.parley.server.store.Ban;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bans that end. The end is written into the ban's reason ({@code spam [expires
 * 2026-12-04T12:00:00Z]}) rather than a column: the banned user reads it with 465, {@code ban.txt}
 * carries it, older versions keep the ban (for good, which errs the safe way), and no schema
 * changes. {@link #sweep} lifts the bans whose end has passed; the server runs it every
 * {@value #SWEEP_SECONDS} seconds, so a ban lasts up to that much longer than asked, and a ban that
 * ended while the server was down is lifted on the first sweep after start.
 */
public final class BanExpiry {

    static final int SWEEP_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(BanExpiry.class);
    private static final Pattern MARK = Pattern.compile(" ?\\[expires (\\S+)\\]$");
    private static final Pattern LENGTH = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    private final Bans bans;
    private final Clock clock;

    public BanExpiry(Bans bans, Clock clock) {
        this.bans = bans;
        this.clock = clock;
    }

    /** The reason with its end written in. */
    static String reasonUntil(String reason, Instant end) {
        return reason + " [expires " + end + "]";
    }

    /** When the ban ends; empty for a ban for good. */
    static Optional<Instant> endOf(Ban ban) {
        Matcher mark = ban.reason() == null ? null : MARK.matcher(ban.reason());
        if (mark == null || !mark.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(mark.group(1)));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * A length as the console's form gives it: {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w};
     * empty when it is none of these.
     */
    static Optional<Duration> parseLength(String text) {
        Matcher length = LENGTH.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!length.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(length.group(1));
        return Optional.of(
                        switch (length.group(2)) {
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "d" -> Duration.ofDays(amount);
                            default -> Duration.ofDays(7 * amount);
                        })
                .filter(duration -> !duration.isZero());
    }

    /** Lifts every ban whose end has passed; returns how many. Never blocks (the store write is queued). */
    public int sweep() {
        Instant now = clock.instant();
        int lifted = 0;
        for (Ban ban : bans.list()) {
            Optional<Instant> end = endOf(ban);
            if (end.isPresent() && !end.get().isAfter(now)) {
                bans.remove(ban.mask()).whenComplete((removed, error) -> {
                    if (error != null) {
                        log.warn("could not remove the expired ban on {}", ban.mask(), error);
                    }
                });
                ConsoleAudit.LOG.info("ban on {} expired (set by {}: {})", ban.mask(), ban.setBy(), ban.reason());
                lifted++;
            }
        }
        return lifted;
    }
}
