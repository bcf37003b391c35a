package dev.parley.server.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}),
 * parsed without any DNS lookup. An IPv4 client seen through an IPv6 socket
 * ({@code ::ffff:192.0.2.7}) matches the IPv4 ranges.
 *
 * @param network the network's address bytes (4 or 16), host bits zero
 * @param prefixLength how many leading bits of an address must equal {@code network}'s
 */
public record AddressRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public AddressRange {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** A copy: the record's array is its own. */
    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Parses {@code ADDRESS} or {@code ADDRESS/PREFIX}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static AddressRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected an IP address or CIDR block (10.0.0.0/8, 2001:db8::/32), got '" + text + "'"));
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(value.substring(slash + 1), bits, text);
        AddressRange range = new AddressRange(bytes, prefix);
        if (!Arrays.equals(range.masked(bytes), bytes)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after the /" + prefix
                    + " prefix; the block is written " + new AddressRange(range.masked(bytes), prefix));
        }
        return range;
    }

    private static int prefixLength(String text, int bits, String whole) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= bits) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("prefix length in '" + whole + "' must be 0 to " + bits);
    }

    /** The bytes of an IP literal; empty for anything else, host names included (never looked up). */
    private static Optional<byte[]> literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0 && text.indexOf('%') < 0 && !text.startsWith("[");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code address} lies in this range. */
    public boolean contains(InetAddress address) {
        byte[] bytes = comparable(address);
        return bytes.length == network.length && Arrays.equals(masked(bytes), network);
    }

    /** An IPv4-mapped IPv6 address as its IPv4 bytes; any other address as it is. */
    private static byte[] comparable(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private byte[] masked(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            out[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range
                && prefixLength == range.prefixLength
                && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        String address = network.length == 4 ? ipv4(network) : ipv6(network);
        return prefixLength == network.length * 8 ? address : address + "/" + prefixLength;
    }

    private static String ipv4(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** RFC 5952 text: lower-case hex, the longest run of two or more zero groups as {@code ::}. */
    private static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
