package dev.parley.server.config;

import java.time.Duration;
import java.util.List;

/**
 * The admin console ({@code /admin/}) and its HTTP API ({@code /admin/api/...}).
 *
 * @param enabled whether the console is served at all
 * @param listen addresses of a listener of its own; empty: served on the {@code http.listen}
 *     listeners instead
 * @param allowRemote whether it is served on a listener bound to a non-loopback address; off by
 *     default, so that a server opened to the world does not open its console with it
 * @param sessionTimeout how long a console login lasts without use
 */
public record AdminConfig(boolean enabled, List<ListenAddress> listen, boolean allowRemote, Duration sessionTimeout) {

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public AdminConfig {
        listen = List.copyOf(listen);
    }

    public static AdminConfig defaults() {
        return new AdminConfig(true, List.of(), false, DEFAULT_SESSION_TIMEOUT);
    }

    /** Whether a listener bound to {@code address} serves the console. */
    public boolean servedOn(ListenAddress address) {
        return enabled && (allowRemote || address.isLoopback());
    }
}
