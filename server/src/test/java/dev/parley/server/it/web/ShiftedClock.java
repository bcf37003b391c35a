package dev.parley.server.it.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The wall clock moved by an offset the test sets: messages stamped days ago, then time runs on. */
final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void shift(Duration newOffset) {
        offset = newOffset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
