package dev.parley.server.transport;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * PROXY protocol headers written byte by byte from the specification (haproxy.org's
 * proxy-protocol.txt), not by Netty's encoder, so the tests do not share the decoder's library.
 */
public final class ProxyHeaders {

    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private ProxyHeaders() {}

    /** {@code PROXY TCP4 192.0.2.7 127.0.0.1 40000 6667\r\n} (TCP6 for IPv6 addresses). */
    public static byte[] v1(String source, int sourcePort, String destination, int destinationPort) {
        String family = source.indexOf(':') >= 0 ? "TCP6" : "TCP4";
        return ("PROXY " + family + " " + source + " " + destination + " " + sourcePort + " " + destinationPort
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A v2 {@code PROXY} command for a TCP connection over IPv4 or IPv6 (both addresses the same family). */
    public static byte[] v2(String source, int sourcePort, String destination, int destinationPort) {
        byte[] from = literal(source);
        byte[] to = literal(destination);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(V2_SIGNATURE);
        out.write(0x21); // version 2, PROXY
        out.write(from.length == 4 ? 0x11 : 0x21); // TCP over IPv4 / IPv6
        int length = 2 * from.length + 4;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(from);
        out.writeBytes(to);
        out.write(sourcePort >> 8);
        out.write(sourcePort & 0xff);
        out.write(destinationPort >> 8);
        out.write(destinationPort & 0xff);
        return out.toByteArray();
    }

    /** A v2 {@code LOCAL} command (a proxy's own health check): no address. */
    public static byte[] v2Local() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(V2_SIGNATURE);
        out.write(0x20); // version 2, LOCAL
        out.write(0x00); // AF_UNSPEC
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    private static byte[] literal(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address); // literals only: no lookup
            return parsed.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
