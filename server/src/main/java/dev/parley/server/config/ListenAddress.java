package dev.parley.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A host and port to listen on, written {@code HOST:PORT} ({@code [::1]:6667} for IPv6). */
public record ListenAddress(String host, int port) {

    public ListenAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("listen address needs a host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code HOST:PORT}; throws {@link IllegalArgumentException} with a readable message. */
    public static ListenAddress parse(String text) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new ListenAddress(host, Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number in '" + text + "'", e);
        }
    }

    /** Whether only this machine can reach the address. Unresolvable hosts count as not loopback. */
    public boolean isLoopback() {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
