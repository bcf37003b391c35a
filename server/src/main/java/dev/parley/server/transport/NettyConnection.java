package dev.parley.server.transport;

import dev.parley.server.chat.OutboundLine;
import dev.parley.server.session.Connection;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.util.NetUtil;

/**
 * A {@link Connection} on a Netty channel. Lines sent from the channel's own event loop are written
 * at once; lines from other threads wait in a queue drained by one task on the event loop, which
 * writes them all and flushes once. Bytes waiting beyond the send-queue limit close the connection
 * ("SendQ exceeded"), so a client that stops reading cannot grow the heap.
 */
final class NettyConnection implements Connection {

    private static final AtomicLong IDS = new AtomicLong();

    private final Channel channel;
    private final String id;
    private final String remoteIp;
    private final boolean loopback;
    private final long sendQueueLimit;
    private final Queue<OutboundLine> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile String closeReason;

    NettyConnection(Channel channel, long sendQueueLimit) {
        this.channel = channel;
        this.id = "c" + IDS.incrementAndGet();
        InetAddress address = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        this.remoteIp = displayIp(address);
        this.loopback = address.isLoopbackAddress();
        this.sendQueueLimit = sendQueueLimit;
    }

    private static String displayIp(InetAddress address) {
        String text = NetUtil.toAddressString(address);
        return text.startsWith(":") ? "0" + text : text;
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
        return loopback;
    }

    /** Why the server closed the connection, or {@code null} when it did not. */
    String closeReason() {
        return closeReason;
    }

    @Override
    public void send(OutboundLine line) {
        if (channel.eventLoop().inEventLoop()) {
            write(line);
            return;
        }
        if (queuedBytes.addAndGet(line.bytes().length) > sendQueueLimit && sendQueueLimit > 0) {
            channel.eventLoop().execute(() -> closeFor("SendQ exceeded"));
            return;
        }
        fromOtherThreads.add(line);
        scheduleDrain();
    }

    @Override
    public void flush() {
        if (channel.eventLoop().inEventLoop()) {
            channel.flush();
        } else {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    /**
     * Writes what other threads queued for this client, on its event loop, before its next input is
     * handled: lines caused by earlier events (another user's message) never arrive after the replies
     * to a later command, even when the loop reads that command before it runs the drain task.
     */
    void writeQueuedBeforeInput() {
        if (!fromOtherThreads.isEmpty()) {
            drain();
        }
    }

    private void drain() {
        drainScheduled.set(false);
        OutboundLine line;
        while ((line = fromOtherThreads.poll()) != null) {
            queuedBytes.addAndGet(-line.bytes().length);
            write(line);
        }
        channel.flush();
    }

    private void write(OutboundLine line) {
        if (!channel.isActive() || closeReason != null) {
            return;
        }
        channel.write(Unpooled.wrappedBuffer(line.bytes()), channel.voidPromise());
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        if (sendQueueLimit > 0 && pending != null && pending.totalPendingWriteBytes() > sendQueueLimit) {
            closeFor("SendQ exceeded");
        }
    }

    private void closeFor(String reason) {
        if (closeReason == null) {
            closeReason = reason;
            fromOtherThreads.clear();
            channel.close();
        }
    }

    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) {
            channel.flush();
            channel.close();
        } else {
            channel.eventLoop().execute(() -> {
                drain();
                channel.close();
            });
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isActive() && closeReason == null;
    }

    @Override
    public void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    @Override
    public boolean inOwnThread() {
        return channel.eventLoop().inEventLoop();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        var future = channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void setReading(boolean reading) {
        channel.config().setAutoRead(reading);
    }

    @Override
    public String toString() {
        return id;
    }
}
