package dev.parley.client.core;

import java.time.Duration;

/** Reconnect delays that double from {@code first} up to {@code max}: 1, 2, 4 … 30 seconds by default. */
public record Backoff(Duration first, Duration max) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The delay before attempt {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        Duration delay = first;
        for (int i = 0; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
