package dev.parley.server.session;

import dev.parley.server.chat.OutboundLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection without a socket for session and command tests: lines count as received by the
 * client only once flushed (a handler that forgets to flush fails its test), tasks run at once on
 * the caller's thread, and scheduled ones wait on a {@link ManualTime} the test moves.
 */
public final class ManualConnection implements Connection {

    private final ManualTime time;
    private final String id;
    private final String remoteIp;
    private final List<String> queued = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private boolean open = true;
    private boolean reading = true;

    public ManualConnection(ManualTime time) {
        this(time, "c1", "192.0.2.1");
    }

    public ManualConnection(ManualTime time, String id, String remoteIp) {
        this.time = time;
        this.id = id;
        this.remoteIp = remoteIp;
    }

    /** The lines flushed to the client so far, without CR LF. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** The lines flushed so far; forgets them, so the next call returns only newer ones. */
    public List<String> take() {
        List<String> lines = List.copyOf(sent);
        sent.clear();
        return lines;
    }

    public boolean isReading() {
        return reading;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteIp() {
        return remoteIp;
    }

    @Override
    public boolean isLoopback() {
        return false;
    }

    @Override
    public void send(OutboundLine line) {
        if (open) {
            queued.add(line.text());
        }
    }

    @Override
    public void flush() {
        sent.addAll(queued);
        queued.clear();
    }

    @Override
    public void close() {
        flush();
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public boolean inOwnThread() {
        return true;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return time.schedule(task, delay);
    }

    @Override
    public void setReading(boolean value) {
        reading = value;
    }

    @Override
    public String toString() {
        return id;
    }
}
