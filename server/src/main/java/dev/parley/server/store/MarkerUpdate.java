package dev.parley.server.store;

import java.time.Instant;

/**
 * What a read marker update left behind.
 *
 * @param marker the marker now stored: the time asked for, or a later one already there
 * @param moved whether the update moved the marker (so the user's other clients should hear of it)
 */
public record MarkerUpdate(Instant marker, boolean moved) {}
