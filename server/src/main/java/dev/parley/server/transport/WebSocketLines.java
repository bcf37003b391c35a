package dev.parley.server.transport;

import dev.parley.server.session.InboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * IRC over WebSocket (IRCv3 {@code text.ircv3.net} and {@code binary.ircv3.net}): each frame in is
 * one line (a trailing CR LF is tolerated, several lines in one frame are split), each line out is
 * one frame without its CR LF. Text frames unless the client chose the binary subprotocol.
 */
final class WebSocketLines extends ChannelDuplexHandler {

    private final boolean binary;

    WebSocketLines(boolean binary) {
        this.binary = binary;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame)) {
            ctx.fireChannelRead(message);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) message;
        try {
            byte[] bytes = ByteBufUtil.getBytes(frame.content());
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\r' || bytes[i] == '\n') {
                    if (i > start) {
                        byte[] line = java.util.Arrays.copyOfRange(bytes, start, i);
                        InboundLine parsed = line.length > IrcLineDecoder.MAX_FRAME
                                ? new InboundLine.TooLong(null)
                                : IrcLineDecoder.toLine(line);
                        ctx.fireChannelRead(parsed);
                    }
                    start = i + 1;
                }
            }
        } finally {
            frame.release();
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
