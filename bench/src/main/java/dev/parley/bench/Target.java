package dev.parley.bench;

import java.net.InetSocketAddress;

/**
 * The IRC server under test.
 *
 * @param password its server password (PASS), or null
 * @param serverPid its process id for CPU and memory figures, or 0 when not given
 */
public record Target(String host, int port, String password, long serverPid) {

    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    ServerProcess process() {
        return serverPid > 0 ? new ServerProcess(serverPid) : null;
    }
}
