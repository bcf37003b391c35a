package dev.parley.server.session;

import dev.parley.server.chat.OutboundLine;
import java.time.Duration;

/**
 * A client's connection as the session sees it: a port the transport implements, so sessions and
 * handlers never touch sockets. Every method may be called from any thread.
 */
public interface Connection {

    /** A short id for logs ({@code c42}). */
    String id();

    /** The peer's IP address as text (IPv6 never starts with ':'). */
    String remoteIp();

    /** Whether the peer is on this machine. */
    boolean isLoopback();

    /** Queues a line; it goes out at the next {@link #flush()}. */
    void send(OutboundLine line);

    /** Sends what was queued. */
    void flush();

    /** Flushes, then closes. Idempotent. */
    void close();

    boolean isOpen();

    /** Runs the task on the thread that owns this connection and its session. */
    void execute(Runnable task);

    boolean inOwnThread();

    /** Runs the task on the owning thread after a delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops or resumes reading from the peer (flood control slows a client down this way). */
    void setReading(boolean reading);

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
