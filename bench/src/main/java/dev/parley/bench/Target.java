package dev.parley.bench;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The IRC server under test: one address, or the nodes of a cluster, over which the clients are
 * spread round-robin.
 *
 * @param servers the addresses clients connect to; node {@code k} is {@code servers.get(k)}
 * @param password its server password (PASS), or null
 * @param pids the processes whose CPU and memory the figures add up (every node, and Redis for a
 *     cluster, say); empty for none
 */
public record Target(List<InetSocketAddress> servers, String password, List<Long> pids) {

    public Target {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server address");
        }
        servers = List.copyOf(servers);
        pids = pids.stream().filter(pid -> pid > 0).toList();
    }

    /** One server, and its process id for CPU and memory figures (0 when not given). */
    public Target(String host, int port, String password, long serverPid) {
        this(List.of(InetSocketAddress.createUnresolved(host, port)), password, List.of(serverPid));
    }

    /** How many nodes the clients are spread over. */
    int nodes() {
        return servers.size();
    }

    InetSocketAddress address() {
        return address(0);
    }

    InetSocketAddress address(int node) {
        InetSocketAddress server = servers.get(node % servers.size());
        return server.isUnresolved() ? new InetSocketAddress(server.getHostString(), server.getPort()) : server;
    }

    ServerProcess process() {
        return pids.isEmpty() ? null : new ServerProcess(pids);
    }
}
