package dev.parley.server.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counts attempts per key (an address, an account) in a window; past the limit the key is refused
 * until its window ends. {@link AttemptLimiter} counts in this process's memory (a single node); a
 * cluster counts in Redis, so that spreading attempts over nodes gains nothing. Calls come from event
 * loops and the password-check pool: they answer from memory and never wait on the network; a
 * login {@link #refresh}es the keys it is checked against first.
 */
public interface Attempts {

    /** Whether the key has used up its attempts; if so, how long until it may try again (else zero). */
    Duration refusedFor(String key, long nowNanos);

    /** Counts one attempt against the key. */
    void record(String key, long nowNanos);

    /** Forgets the key's attempts (after a successful login to an account). */
    void clear(String key);

    /**
     * Brings what {@link #refusedFor} knows of the key up to date: a cluster reads the count other
     * nodes made (one Redis round trip, never waited on by a thread); in memory there is nothing to
     * read. Completes normally even when the count cannot be read.
     */
    default CompletionStage<Void> refresh(String key) {
        return CompletableFuture.completedFuture(null);
    }
}
