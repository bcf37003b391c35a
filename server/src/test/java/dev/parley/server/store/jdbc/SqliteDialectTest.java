package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqliteDialectTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @Test
    void theSeedTimestampIsTheUtcSecondAsCurrentTimestampWritesIt() {
        assertThat(dialect.seedTimestamp(Instant.parse("2026-12-01T03:04:05.678Z")))
                .isEqualTo("2026-12-01 03:04:05");
        assertThat(dialect.seedTimestamp(Instant.parse("2026-12-01T03:04:05.999Z")))
                .isEqualTo("2026-12-01 03:04:05");
        assertThat(dialect.seedTimestamp(Instant.parse("2026-12-01T03:04:06.000Z")))
                .isEqualTo("2026-12-01 03:04:06");
        assertThat(dialect.seedTimestamp(Instant.parse("1999-12-31T23:59:59.000Z")))
                .isEqualTo("1999-12-31 23:59:59");
        assertThat(dialect.seedTimestamp(Instant.parse("2026-12-01T03:04:05.001Z")))
                .isEqualTo("2026-12-01 03:04:05");
    }
}
