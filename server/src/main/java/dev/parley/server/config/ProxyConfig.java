package dev.parley.server.config;

import java.net.InetAddress;
import java.util.List;

/**
 * Load balancers and reverse proxies whose word on the client's address is taken: a PROXY protocol
 * header (v1 or v2) on any listener, {@code X-Forwarded-For} or {@code Forwarded} on {@code /ws}.
 * From any other peer such a header is ordinary input.
 *
 * @param trusted the proxies' addresses and CIDR blocks; empty (the default) trusts nobody
 */
public record ProxyConfig(List<AddressRange> trusted) {

    public ProxyConfig {
        trusted = List.copyOf(trusted);
    }

    public static ProxyConfig defaults() {
        return new ProxyConfig(List.of());
    }

    /** Whether a peer at {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
