package dev.parley.server.config;

import java.time.Duration;

/**
 * The SEARCH command over history.
 *
 * @param maxResults the most messages one search returns (a client's {@code limit} is capped to it)
 * @param timeout the longest the database may spend on one search before it is stopped
 * @param perMinute searches one connection may run a minute (a burst of as many, then refilled)
 * @param language PostgreSQL's text search configuration for the words ({@code simple}, {@code
 *     english}, ...); SQLite and MariaDB have one way of their own and ignore it
 */
public record SearchConfig(int maxResults, Duration timeout, int perMinute, String language) {

    /** No language's stemming or stop words, so it suits any language. */
    public static final String DEFAULT_LANGUAGE = "simple";

    /** With the default language. */
    public SearchConfig(int maxResults, Duration timeout, int perMinute) {
        this(maxResults, timeout, perMinute, DEFAULT_LANGUAGE);
    }

    public static SearchConfig defaults() {
        return new SearchConfig(100, Duration.ofSeconds(5), 10);
    }
}
