package dev.parley.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One room's reorder buffer on this node: hands out deliveries strictly in position order, holding
 * back those that arrive ahead of a missing one. Not thread-safe: only the cluster thread uses it.
 */
final class RoomOrder {

    /** The next position to deliver; 0 until {@link #start} says where the room stood. */
    private long next;

    private final TreeMap<Long, Runnable> waiting = new TreeMap<>();
    private long gapSince = -1;
    /** While the missing positions are read from the database, the gap is not given up on. */
    private boolean repairing;

    /** What {@link #fill} released, in order, how many positions it gave up on, and how many it filled. */
    record Filled(List<Runnable> due, long skipped, long repaired) {}

    /**
     * The room's counter stood at {@code last} just after this node began to listen: delivery starts
     * at {@code last + 1}, or earlier at the first position already heard (placed before the read,
     * but heard because it was published after the subscription). A position below that was sent
     * before this node had members in the room; a missing one in between is a gap like any other.
     */
    List<Runnable> start(long last, long now) {
        next = waiting.isEmpty() ? last + 1 : Math.min(last + 1, waiting.firstKey());
        return release(now);
    }

    /** The next position due (0 before {@link #start}). */
    long next() {
        return next;
    }

    boolean started() {
        return next > 0;
    }

    /** Adds a delivery at {@code position}; returns those now due, in order. {@code now} in nanoseconds. */
    List<Runnable> offer(long position, Runnable delivery, long now) {
        if (started() && position < next) {
            return List.of();
        }
        waiting.put(position, delivery);
        return release(now);
    }

    /** Whether a missing position has held back later ones since before {@code deadline} (nanoseconds). */
    boolean gapOlderThan(long deadline) {
        return !repairing && gapSince >= 0 && gapSince <= deadline;
    }

    /** The last position a gap holds back: just before the first one waiting. */
    long gapEnd() {
        return waiting.isEmpty() ? next - 1 : waiting.firstKey() - 1;
    }

    /** The highest position heard so far (waiting, or delivered). */
    long highest() {
        return waiting.isEmpty() ? next - 1 : waiting.lastKey();
    }

    void repairing(boolean on) {
        repairing = on;
    }

    boolean repairing() {
        return repairing;
    }

    /**
     * The missing positions up to {@code upTo} as the database had them: {@code found} (position to
     * delivery) takes their places, those still missing are given up on, and delivery goes on from
     * there as far as the positions follow each other.
     */
    Filled fill(Map<Long, Runnable> found, long upTo, long now) {
        long repaired = 0;
        for (Map.Entry<Long, Runnable> entry : found.entrySet()) {
            long position = entry.getKey();
            if (position >= next && position <= upTo && waiting.putIfAbsent(position, entry.getValue()) == null) {
                repaired++;
            }
        }
        List<Runnable> due = new ArrayList<>();
        long skipped = 0;
        while (next <= upTo) {
            Runnable delivery = waiting.remove(next);
            if (delivery == null) {
                skipped++;
            } else {
                due.add(delivery);
            }
            next++;
        }
        gapSince = -1;
        due.addAll(release(now));
        return new Filled(due, skipped, repaired);
    }

    /**
     * The room's counter went back to {@code last} (a Redis that restarted empty): what waited under
     * the old numbering goes out now, in its order, and delivery starts again at {@code last + 1}.
     */
    List<Runnable> restart(long last) {
        List<Runnable> held = drain();
        next = last + 1;
        return held;
    }

    /**
     * Gives up on the order altogether (the room closed here, or the node listens to it afresh):
     * every delivery still held back, in position order, so that none is lost.
     */
    List<Runnable> drain() {
        List<Runnable> held = new ArrayList<>(waiting.values());
        waiting.clear();
        gapSince = -1;
        return held;
    }

    private List<Runnable> release(long now) {
        if (!started()) {
            return List.of();
        }
        List<Runnable> due = new ArrayList<>();
        Map.Entry<Long, Runnable> first;
        while ((first = waiting.firstEntry()) != null && first.getKey() == next) {
            waiting.pollFirstEntry();
            due.add(first.getValue());
            next++;
        }
        if (waiting.isEmpty()) {
            gapSince = -1;
        } else if (gapSince < 0 || !due.isEmpty()) {
            gapSince = now;
        }
        return due;
    }
}
