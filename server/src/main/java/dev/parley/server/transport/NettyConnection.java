package dev.parley.server.transport;

import dev.parley.server.chat.OutboundLine;
import dev.parley.server.session.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Connection} on a Netty channel. Lines are appended to one buffer per connection (a copy
 * of ~100 bytes each, no per-line channel write), and a flush hands that buffer to the channel once
 * per event-loop turn: however many lines a busy room sends a client in one turn, they cost it one
 * channel write and one system call, as in C servers that append to a send queue. Lines from other
 * threads wait in a queue drained by one task on the event loop. Bytes waiting beyond the
 * send-queue limit close the connection ("SendQ exceeded"), so a client that stops reading cannot
 * grow the heap.
 *
 * <p>The client's replies to its own commands do not count against that limit: a reply too large
 * for the socket now (a history page, a LIST) becomes a {@link ReplyStream} handed over a chunk at
 * a time, as the channel becomes writable again. Meanwhile other lines for the client wait behind
 * it, counted against the limit, so nothing lands inside the reply's batch; the session holds the
 * client's further input until the reply is out, so a client that asks and never reads holds one
 * reply at most.
 */
final class NettyConnection implements Connection {

    private static final AtomicLong IDS = new AtomicLong();
    /** First size of a connection's line buffer; it grows as a busy turn needs. */
    private static final int INITIAL_BUFFER = 512;
    /** A turn's lines beyond this go to the channel at once, so one buffer stays small. */
    private static final int HAND_OFF_BYTES = 64 * 1024;
    /** A reply up to this size goes out with the turn's other lines while the socket keeps up. */
    private static final int SMALL_REPLY_BYTES = 16 * 1024;

    private final Channel channel;
    private final String id;
    private final String remoteIp;
    private final boolean loopback;
    private final long sendQueueLimit;
    /** Counts the clients dropped for a full send queue: the operator's sign of slow readers or a flood. */
    private final Runnable onSendQueueExceeded;
    /**
     * A linked queue, 48 bytes while empty. Netty's array-based MPSC queue is cheaper to offer to
     * but costs 4.7 KB per connection (a 1,024-slot chunk and a padded header): most of a
     * connection's memory, for a queue that is empty nearly always.
     */
    /** Lines other threads sent, and tasks to run in their place ({@link #executeAfterQueued}). */
    private final Queue<Object> fromOtherThreads = new ConcurrentLinkedQueue<>();

    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushNow;
    private final Runnable drainTask = this::drain;
    /** Lines written this turn and not yet handed to the channel; touched on the event loop only. */
    private ByteBuf pending;

    private boolean flushScheduled;
    /** The client's own reply still to go out, or null; lines for it from elsewhere wait in {@link #pending}. */
    private ReplyStream stream;
    /** Bytes of the client's own replies in {@link #pending}. */
    private int ownPending;
    /** Bytes of the client's own replies handed to the channel and not yet in the socket. */
    private long ownInChannel;

    private volatile String closeReason;

    NettyConnection(Channel channel, long sendQueueLimit, Runnable onSendQueueExceeded) {
        this.channel = channel;
        this.id = "c" + IDS.incrementAndGet();
        InetAddress address = ClientAddress.of(channel).getAddress();
        this.remoteIp = displayIp(address);
        this.loopback = address.isLoopbackAddress();
        this.sendQueueLimit = sendQueueLimit;
        this.onSendQueueExceeded = onSendQueueExceeded;
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
            channel.eventLoop().execute(this::sendQueueExceeded);
            return;
        }
        fromOtherThreads.add(line);
        scheduleDrain();
    }

    /** On the event loop: the lines go out at the end of this turn, with every other line of it. */
    @Override
    public void flush() {
        if (!channel.eventLoop().inEventLoop()) {
            scheduleDrain();
        } else if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        handOff();
        channel.flush();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drainTask);
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
        Object queued;
        while ((queued = fromOtherThreads.poll()) != null) {
            if (queued instanceof OutboundLine line) {
                queuedBytes.addAndGet(-line.bytes().length);
                write(line);
            } else {
                ((Runnable) queued).run();
            }
        }
        flush();
    }

    @Override
    public void executeAfterQueued(Runnable task) {
        fromOtherThreads.add(task);
        scheduleDrain();
    }

    /** A line others caused (or the server on its own): it counts against the send queue. */
    private void write(OutboundLine line) {
        if (!isOpen()) {
            return;
        }
        append(line.bytes());
        if (sendQueueLimit > 0 && othersWaiting() > sendQueueLimit) {
            sendQueueExceeded();
        } else if (pending.readableBytes() >= HAND_OFF_BYTES) {
            handOff();
        }
    }

    private void append(byte[] bytes) {
        if (pending == null) {
            pending = channel.alloc().directBuffer(Math.max(INITIAL_BUFFER, bytes.length));
        }
        pending.writeBytes(bytes);
    }

    /** Bytes waiting for this client, not counting its own replies. */
    private long othersWaiting() {
        ChannelOutboundBuffer written = channel.unsafe().outboundBuffer();
        long inChannel = written == null ? 0 : written.totalPendingWriteBytes();
        return pending.readableBytes() - ownPending + Math.max(0, inChannel - ownInChannel);
    }

    /** Gives the lines gathered so far to the channel (still to be flushed); not while a reply streams. */
    private void handOff() {
        if (pending == null || stream != null) {
            return;
        }
        ByteBuf lines = pending;
        pending = null;
        int own = ownPending;
        ownPending = 0;
        if (own == 0) {
            channel.write(lines, channel.voidPromise());
        } else {
            writeOwn(lines, own);
        }
    }

    /** Writes bytes of which {@code own} are the client's own reply, counted until they reach the socket. */
    private void writeOwn(ByteBuf bytes, int own) {
        ownInChannel += own;
        channel.write(bytes).addListener(written -> ownInChannel -= own);
    }

    /** On the event loop; otherwise as {@link Connection#sendReply} by default. */
    @Override
    public boolean sendReply(List<OutboundLine> lines, Runnable whenSent) {
        if (!channel.eventLoop().inEventLoop()) {
            return Connection.super.sendReply(lines, whenSent);
        }
        if (!isOpen()) {
            return true;
        }
        if (stream != null) {
            stream.append(lines, whenSent);
            return false;
        }
        if (channel.isWritable() && ReplyStream.bytes(lines) <= SMALL_REPLY_BYTES) {
            for (OutboundLine line : lines) {
                append(line.bytes());
                ownPending += line.bytes().length;
            }
            flush();
            return true;
        }
        return startStream(lines, whenSent);
    }

    private boolean startStream(List<OutboundLine> lines, Runnable whenSent) {
        handOff();
        ReplyStream started = new ReplyStream(lines);
        stream = started;
        if (!started.pump(channel, this::writeOwn)) {
            started.whenSent(whenSent);
            return false;
        }
        if (stream == started) {
            stream = null;
        }
        flush();
        return true;
    }

    /** The channel's writability changed: a paused reply goes on. */
    void writabilityChanged() {
        ReplyStream current = stream;
        if (current == null || current.isPumping() || !channel.isWritable() || !isOpen()) {
            return;
        }
        if (current.pump(channel, this::writeOwn) && stream == current) {
            stream = null;
            flush();
            current.callbacks().forEach(Runnable::run);
        }
    }

    /** Closes for a full send queue, counted once per connection however many lines overflow. */
    private void sendQueueExceeded() {
        if (closeReason == null) {
            onSendQueueExceeded.run();
        }
        closeFor("SendQ exceeded");
    }

    private void closeFor(String reason) {
        if (closeReason == null) {
            closeReason = reason;
            stream = null;
            fromOtherThreads.clear();
            releasePending();
            channel.close();
        }
    }

    private void releasePending() {
        ownPending = 0;
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) {
            closeNow();
        } else {
            channel.eventLoop().execute(() -> {
                drain();
                closeNow();
            });
        }
    }

    private void closeNow() {
        stream = null;
        handOff();
        channel.flush();
        channel.close();
    }

    /** The channel closed: lines not handed off yet are dropped. */
    void closed() {
        stream = null;
        releasePending();
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
