package dev.parley.server.config;

import java.time.Duration;

/**
 * The SEARCH command over history.
 *
 * @param maxResults the most messages one search returns (a client's {@code limit} is capped to it)
 * @param timeout the longest the database may spend on one search before it is stopped
 * @param perMinute searches one connection may run a minute (a burst of as many, then refilled)
 */
public record SearchConfig(int maxResults, Duration timeout, int perMinute) {

    public static SearchConfig defaults() {
        return new SearchConfig(100, Duration.ofSeconds(5), 10);
    }
}
