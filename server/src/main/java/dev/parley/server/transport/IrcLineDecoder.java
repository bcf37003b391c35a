package dev.parley.server.transport;

import dev.parley.protocol.IrcParser;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ParseResult;
import dev.parley.server.session.InboundLine;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames bytes into IRC lines and parses them into {@link InboundLine}s. CR, LF and CR LF all end
 * a line; empty lines are ignored. A line longer than the protocol allows is discarded up to its
 * end and reported once as {@link InboundLine.TooLong}, so the connection lives on. Invalid UTF-8
 * and NUL bytes become values too, never exceptions.
 */
public final class IrcLineDecoder extends ByteToMessageDecoder {

    /** The longest frame read at all: a full server-size tag section plus a body. */
    static final int MAX_FRAME = Limits.MAX_TAG_BYTES + Limits.MAX_LINE_BYTES;

    private boolean discarding;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = findTerminator(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_FRAME) {
                in.skipBytes(in.readableBytes());
                if (!discarding) {
                    discarding = true;
                    out.add(new InboundLine.TooLong(null));
                }
            }
            return;
        }
        int length = end - in.readerIndex();
        if (discarding) {
            in.skipBytes(length + 1);
            discarding = false;
            return;
        }
        if (length == 0) {
            in.skipBytes(1);
            return;
        }
        byte[] frame = new byte[length];
        in.readBytes(frame);
        in.skipBytes(1);
        out.add(length > MAX_FRAME ? new InboundLine.TooLong(null) : toLine(frame));
    }

    private static int findTerminator(ByteBuf in) {
        return in.forEachByte(in.readerIndex(), in.readableBytes(), b -> b != '\n' && b != '\r');
    }

    static InboundLine toLine(byte[] frame) {
        String text;
        if (isAscii(frame)) {
            text = new String(frame, StandardCharsets.ISO_8859_1);
        } else {
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(frame))
                        .toString();
            } catch (CharacterCodingException e) {
                return new InboundLine.InvalidUtf8(commandOf(new String(frame, StandardCharsets.UTF_8)));
            }
        }
        if (text.indexOf('\0') >= 0) {
            return new InboundLine.Malformed("it contains a NUL byte", commandOf(text.replace('\0', ' ')));
        }
        if (isTooLong(frame)) {
            return new InboundLine.TooLong(commandOf(text));
        }
        ParseResult result = IrcParser.parse(text);
        if (result instanceof ParseResult.Parsed parsed) {
            return new InboundLine.Message(parsed.message());
        }
        if (result instanceof ParseResult.InvalidCommand invalid) {
            return new InboundLine.UnknownCommand(
                    invalid.token(), invalid.tags().get("label"));
        }
        ParseResult.Malformed malformed = (ParseResult.Malformed) result;
        return new InboundLine.Malformed(malformed.reason(), malformed.command());
    }

    /** Most lines are plain ASCII, which needs no checked UTF-8 decoding (a decoder and buffers per line). */
    private static boolean isAscii(byte[] frame) {
        for (byte b : frame) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Client tag data may use 4094 bytes (4096 with '@' and the space); the rest 510 (512 with CR LF). */
    private static boolean isTooLong(byte[] frame) {
        int tagBytes = 0;
        if (frame.length > 0 && frame[0] == '@') {
            int space = indexOf(frame, (byte) ' ');
            tagBytes = space < 0 ? frame.length : space + 1;
            if (tagBytes > Limits.MAX_CLIENT_TAG_BYTES + 2) {
                return true;
            }
        }
        return frame.length - tagBytes > Limits.MAX_LINE_BYTES - 2;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String commandOf(String text) {
        ParseResult result = IrcParser.parse(text.length() > 600 ? text.substring(0, 600) : text);
        return result instanceof ParseResult.Parsed parsed ? parsed.message().verb() : null;
    }
}
