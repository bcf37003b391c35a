package dev.parley.server.transport;

import dev.parley.server.config.ProxyConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client a WebSocket handshake comes from when it came through trusted reverse proxies:
 * {@code X-Forwarded-For} (or, without it, {@code Forwarded: for=}) read from the right, each hop
 * taken only while the one that reported it is trusted. The first untrusted address is the client;
 * a hop that is not an IP address ({@code unknown}, an obfuscated name, garbage) ends the walk at
 * the proxy that wrote it. From an untrusted peer the headers are ignored: anyone can send them.
 */
final class ForwardedFor {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED = "Forwarded";

    private final ProxyConfig proxies;

    ForwardedFor(ProxyConfig proxies) {
        this.proxies = proxies;
    }

    /** The client behind {@code peer} (the address the connection is known by so far). */
    InetSocketAddress client(InetSocketAddress peer, HttpHeaders headers) {
        List<String> hops = hops(headers);
        InetSocketAddress current = peer;
        for (int i = hops.size() - 1; i >= 0 && proxies.trusts(current.getAddress()); i--) {
            Optional<InetAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                return current;
            }
            current = new InetSocketAddress(hop.get(), 0);
        }
        return current;
    }

    /** The reported hops, the client first, the nearest proxy last. */
    static List<String> hops(HttpHeaders headers) {
        List<String> forwardedFor = headers.getAll(X_FORWARDED_FOR);
        if (!forwardedFor.isEmpty()) {
            return split(String.join(",", forwardedFor));
        }
        List<String> hops = new ArrayList<>();
        for (String element : split(String.join(",", headers.getAll(FORWARDED)))) {
            hops.add(forParameter(element));
        }
        return hops;
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** The {@code for=} node of one {@code Forwarded} element; empty text when it has none. */
    private static String forParameter(String element) {
        for (String pair : element.split(";", -1)) {
            String trimmed = pair.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                return trimmed.substring(4).trim();
            }
        }
        return "";
    }

    /**
     * The IP address in a hop: {@code 192.0.2.7}, {@code 192.0.2.7:4711}, {@code 2001:db8::7},
     * {@code [2001:db8::7]:4711}, any of them in quotes. Never a DNS lookup.
     */
    static Optional<InetAddress> address(String hop) {
        String node = hop.trim();
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
            node = node.substring(1, node.length() - 1);
        }
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            node = end < 0 ? "" : node.substring(1, end);
        } else if (node.indexOf(':') >= 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            node = node.substring(0, node.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(node);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
