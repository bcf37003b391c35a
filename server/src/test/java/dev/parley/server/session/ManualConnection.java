package dev.parley.server.session;

import dev.parley.server.chat.OutboundLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection without a socket for session tests: it keeps what is flushed to the client, runs
 * tasks at once on the caller's thread, and schedules on a {@link ManualTime}.
 */
public final class ManualConnection implements Connection {

    private final ManualTime time;
    private final List<String> queued = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private boolean open = true;
    private boolean reading = true;

    public ManualConnection(ManualTime time) {
        this.time = time;
    }

    /** The lines flushed to the client so far, without CR LF. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    public boolean isReading() {
        return reading;
    }

    @Override
    public String id() {
        return "c1";
    }

    @Override
    public String remoteIp() {
        return "192.0.2.1";
    }

    @Override
    public boolean isLoopback() {
        return false;
    }

    @Override
    public void send(OutboundLine line) {
        queued.add(line.text());
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
}
