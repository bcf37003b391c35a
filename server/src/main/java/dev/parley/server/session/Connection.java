package dev.parley.server.session;

import dev.parley.server.chat.OutboundLine;
import java.time.Duration;
import java.util.List;

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

    /**
     * Sends this client's reply to its own command, on the owning thread. It does not count against
     * the send queue: a large reply goes out as fast as the client reads, and lines from elsewhere
     * wait until it is out. Returns true when the reply was taken at once; otherwise {@code whenSent}
     * runs later on the owning thread, once the last line is handed to the socket.
     */
    default boolean sendReply(List<OutboundLine> lines, Runnable whenSent) {
        lines.forEach(this::send);
        flush();
        return true;
    }

    /** Flushes, then closes. Idempotent. */
    void close();

    boolean isOpen();

    /** Runs the task on the thread that owns this connection and its session. */
    void execute(Runnable task);

    boolean inOwnThread();

    /**
     * Runs the task on the owning thread once every line already {@link #send sent} from other
     * threads has been written, before any sent after this call: a reply that completes on another
     * thread takes its place among the lines that thread delivers.
     */
    default void executeAfterQueued(Runnable task) {
        execute(task);
    }

    /** Runs the task on the owning thread after a delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops or resumes reading from the peer (flood control slows a client down this way). */
    void setReading(boolean reading);

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
