package dev.parley.server.command;

import dev.parley.server.chat.OutboundLine;
import dev.parley.server.session.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Connection} with no socket: lines a handler queues are "received" by the client only
 * when flushed, so a handler that forgets to flush fails its test. Everything runs on the caller's
 * thread; scheduled tasks wait until the test runs them.
 */
final class RecordingConnection implements Connection {

    private final String id;
    private final String remoteIp;
    private final List<String> queued = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private boolean open = true;

    RecordingConnection(String id, String remoteIp) {
        this.id = id;
        this.remoteIp = remoteIp;
    }

    /** The lines flushed to the client so far, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The lines flushed so far; forgets them, so the next call returns only newer ones. */
    List<String> take() {
        List<String> lines = List.copyOf(received);
        received.clear();
        return lines;
    }

    /** Runs the tasks scheduled so far, as if their delay had passed. */
    void runScheduled() {
        List<Runnable> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
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
        received.addAll(queued);
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
        scheduled.add(task);
        return () -> scheduled.remove(task);
    }

    @Override
    public void setReading(boolean reading) {}

    @Override
    public String toString() {
        return id;
    }
}
