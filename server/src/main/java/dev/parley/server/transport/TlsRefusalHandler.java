package dev.parley.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.util.AttributeKey;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection whose TLS fails, right after the TLS stage, and logs it in a line of our own:
 * Netty's exception for a client not speaking TLS carries the client's first bytes in hex (a
 * {@code PASS} line, an {@code Authorization} header), so neither it nor its message is ever
 * logged. {@link TlsRefusals} keeps one address to a line per interval.
 */
@ChannelHandler.Sharable
final class TlsRefusalHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TlsRefusalHandler.class);
    /** Set once a connection's failure is counted: the TLS stage may report one failure more than once. */
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("parley-tls-refusal-counted");

    private final TlsRefusals refusals;

    TlsRefusalHandler(TlsRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable tls = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (!(tls instanceof SSLException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (ctx.channel().attr(COUNTED).setIfAbsent(Boolean.TRUE) != null) {
            ctx.close();
            return;
        }
        String ip = ip(ctx);
        refusals.refused(ip).ifPresent(unreported -> report(ip, tls, unreported));
        ctx.close();
    }

    private static void report(String ip, Throwable tls, int unreported) {
        String what = tls instanceof NotSslRecordException
                ? "not speaking TLS (plain text on a TLS port?)"
                : "TLS handshake failed, " + tls.getClass().getSimpleName();
        if (unreported == 0) {
            log.info("TLS connection from {} closed: {}", ip, what);
        } else {
            log.info(
                    "TLS connection from {} closed: {} ({} more from this address since the last report, not logged)",
                    ip,
                    what,
                    unreported);
        }
    }

    private static String ip(ChannelHandlerContext ctx) {
        return ClientAddress.ip(ctx.channel());
    }
}
