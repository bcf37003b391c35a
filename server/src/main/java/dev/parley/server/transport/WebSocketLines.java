package dev.parley.server.transport;

import dev.parley.server.session.InboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IRC over WebSocket (IRCv3 {@code text.ircv3.net} and {@code binary.ircv3.net}): each message in
 * is one line (a trailing CR LF is tolerated, several lines in one message are split), each line
 * out is one frame without its CR LF. Text frames unless the client chose the binary subprotocol.
 *
 * <p>A message may arrive fragmented (a first frame, then continuation frames); the fragments are
 * joined before the line is read, up to the longest line a client may send. A longer message is
 * dropped and reported once as {@link InboundLine.TooLong}, as on TCP, and the connection lives on.
 */
final class WebSocketLines extends ChannelDuplexHandler {

    private final boolean binary;
    /** The fragments of the message being received, or null between messages. */
    private ByteArrayOutputStream partial;

    private boolean discarding;

    WebSocketLines(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof TextWebSocketFrame
                || message instanceof BinaryWebSocketFrame
                || message instanceof ContinuationWebSocketFrame)) {
            ctx.fireChannelRead(message);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) message;
        try {
            if (!(frame instanceof ContinuationWebSocketFrame)) {
                partial = null;
                discarding = false;
            }
            if (frame.isFinalFragment() && partial == null && !discarding) {
                readLines(ctx, ByteBufUtil.getBytes(frame.content()));
            } else {
                collect(ctx, frame);
            }
        } finally {
            frame.release();
        }
    }

    /** Adds one fragment of a fragmented message; reads the lines once the last one is in. */
    private void collect(ChannelHandlerContext ctx, WebSocketFrame fragment) {
        if (!discarding) {
            if (partial == null) {
                partial = new ByteArrayOutputStream();
            }
            ByteBuf content = fragment.content();
            if (partial.size() + content.readableBytes() > IrcLineDecoder.MAX_FRAME) {
                partial = null;
                discarding = true;
                ctx.fireChannelRead(new InboundLine.TooLong(null));
            } else {
                partial.writeBytes(ByteBufUtil.getBytes(content));
            }
        }
        if (fragment.isFinalFragment()) {
            if (partial != null) {
                readLines(ctx, partial.toByteArray());
            }
            partial = null;
            discarding = false;
        }
    }

    private static void readLines(ChannelHandlerContext ctx, byte[] bytes) {
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\r' || bytes[i] == '\n') {
                if (i > start) {
                    byte[] line = Arrays.copyOfRange(bytes, start, i);
                    ctx.fireChannelRead(
                            line.length > IrcLineDecoder.MAX_FRAME
                                    ? new InboundLine.TooLong(null)
                                    : IrcLineDecoder.toLine(line));
                }
                start = i + 1;
            }
        }
    }

    /**
     * One WebSocket message per IRC line: a buffer may hold several lines (a connection gathers a
     * turn's lines), each ending in CR LF, which the frames leave out.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (!(message instanceof ByteBuf lines)) {
            ctx.write(message, promise);
            return;
        }
        List<ByteBuf> frames = new ArrayList<>(1);
        try {
            int end = lines.writerIndex();
            int start = lines.readerIndex();
            for (int i = start; i <= end; i++) {
                if (i == end || lines.getByte(i) == '\n' || lines.getByte(i) == '\r') {
                    if (i > start) {
                        frames.add(lines.retainedSlice(start, i - start));
                    }
                    start = i + 1;
                }
            }
        } finally {
            lines.release();
        }
        if (frames.isEmpty()) {
            promise.trySuccess();
            return;
        }
        for (int i = 0; i < frames.size(); i++) {
            ByteBuf content = frames.get(i);
            ChannelPromise done = i == frames.size() - 1 ? promise : ctx.voidPromise();
            ctx.write(binary ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content), done);
        }
    }
}
