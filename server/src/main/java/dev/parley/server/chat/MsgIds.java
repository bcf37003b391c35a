package dev.parley.server.chat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes IRCv3 msgids: unique across restarts and nodes (a random per-process prefix) and cheap (a
 * counter, no allocation beyond the string).
 */
public final class MsgIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public MsgIds() {
        SecureRandom random = new SecureRandom();
        this.prefix = Long.toString(random.nextLong() >>> 1, 36) + Long.toString(System.currentTimeMillis(), 36);
    }

    public String next() {
        return prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    }
}
