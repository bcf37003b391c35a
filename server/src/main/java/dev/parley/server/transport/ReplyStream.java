package dev.parley.server.transport;

import dev.parley.server.chat.OutboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The rest of a client's own reply (a history page, a LIST) that did not fit into the socket yet:
 * {@link NettyConnection} takes it a chunk at a time while the channel is writable. Holds only
 * what the server generated for this client's requests, so it is bounded by the largest reply the
 * server makes, never by what other users send. Touched on the connection's event loop only.
 */
final class ReplyStream {

    /** How much of a reply is handed to the channel at a time. */
    private static final int CHUNK_BYTES = 16 * 1024;

    private final ArrayDeque<OutboundLine> lines = new ArrayDeque<>();
    private final List<Runnable> whenSent = new ArrayList<>();
    private boolean pumping;

    ReplyStream(List<OutboundLine> first) {
        lines.addAll(first);
    }

    /** Another reply queued behind this one; {@code sent} runs once both are out. */
    void append(List<OutboundLine> more, Runnable sent) {
        lines.addAll(more);
        whenSent(sent);
    }

    void whenSent(Runnable sent) {
        whenSent.add(sent);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Writes chunks through {@code write} (bytes, how many of them are the reply) and flushes each,
     * while the channel is writable and open; whether the stream is all out. A writability event
     * the flush itself fires meanwhile is ignored ({@link #isPumping()}): this loop goes on anyway.
     */
    boolean pump(Channel channel, ObjIntConsumer<ByteBuf> write) {
        pumping = true;
        try {
            while (!lines.isEmpty() && channel.isActive() && channel.isWritable()) {
                ByteBuf chunk = nextChunk(channel.alloc(), CHUNK_BYTES);
                write.accept(chunk, chunk.readableBytes());
                channel.flush();
            }
        } finally {
            pumping = false;
        }
        return lines.isEmpty();
    }

    boolean isPumping() {
        return pumping;
    }

    static long bytes(List<OutboundLine> lines) {
        long total = 0;
        for (OutboundLine line : lines) {
            total += line.bytes().length;
        }
        return total;
    }

    /** The next lines, at least one, up to about {@code maxBytes}, as one buffer the caller owns. */
    private ByteBuf nextChunk(ByteBufAllocator alloc, int maxBytes) {
        ByteBuf chunk = alloc.directBuffer(Math.min(maxBytes, bytesUpTo(maxBytes)));
        while (!lines.isEmpty()
                && (chunk.readableBytes() == 0
                        || chunk.readableBytes() + lines.peek().bytes().length <= maxBytes)) {
            chunk.writeBytes(lines.poll().bytes());
        }
        return chunk;
    }

    private int bytesUpTo(int maxBytes) {
        int total = 0;
        for (OutboundLine line : lines) {
            total += line.bytes().length;
            if (total >= maxBytes) {
                break;
            }
        }
        return total;
    }

    /** The callbacks of every reply in this stream, to run once it is all handed to the socket. */
    List<Runnable> callbacks() {
        return whenSent;
    }
}
