package dev.parley.server.store.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The seed's {@code timestamp} column on servers with a real date-time type: UTC, no zone. */
final class SeedTimestamps {

    private SeedTimestamps() {}

    static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
