package dev.parley.server.config;

import java.util.function.Supplier;

/**
 * The configuration in force: one immutable {@link ParleyConfig}, swapped whole by a reload.
 * Components that hold reloadable values read them here at use time (one volatile read, no lock,
 * safe on an event loop) instead of keeping a copy taken at construction.
 */
public final class LiveConfig implements Supplier<ParleyConfig> {

    private volatile ParleyConfig current;

    public LiveConfig(ParleyConfig initial) {
        this.current = initial;
    }

    /** A holder that never changes, for components built outside a running server (tests, tools). */
    public static LiveConfig fixed(ParleyConfig config) {
        return new LiveConfig(config);
    }

    @Override
    public ParleyConfig get() {
        return current;
    }

    /** Puts {@code next} in force; readers see either the old snapshot or this one, never a mix. */
    void set(ParleyConfig next) {
        current = next;
    }
}
