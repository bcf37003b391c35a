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
import java.util.Arrays;

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
        if (!(message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame
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
                    ctx.fireChannelRead(line.length > IrcLineDecoder.MAX_FRAME
                            ? new InboundLine.TooLong(null)
                            : IrcLineDecoder.toLine(line));
                }
                start = i + 1;
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (!(message instanceof ByteBuf line)) {
            ctx.write(message, promise);
            return;
        }
        int length = line.readableBytes();
        while (length > 0 && (line.getByte(line.readerIndex() + length - 1) == '\n'
                || line.getByte(line.readerIndex() + length - 1) == '\r')) {
            length--;
        }
        ByteBuf content = line.retainedSlice(line.readerIndex(), length);
        line.release();
        ctx.write(binary ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content), promise);
    }
}
