package dev.parley.app;

import dev.parley.server.config.ListenAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first thing an operator reads: where the server listens and, when it listens on this
 * machine only, how to open it to others, since that is the usual next question.
 */
final class ListeningReport {

    private ListeningReport() {}

    static String describe(List<InetSocketAddress> bound) {
        List<ListenAddress> addresses = bound.stream()
                .map(a -> new ListenAddress(a.getHostString(), a.getPort()))
                .toList();
        String joined = addresses.stream().map(ListenAddress::toString).collect(Collectors.joining(", "));
        if (addresses.isEmpty()) {
            return "Listening on no address";
        }
        if (addresses.stream().allMatch(ListenAddress::isLoopback)) {
            int port = addresses.get(0).port();
            return "Listening on " + joined + " only; use --listen 0.0.0.0:" + port
                    + " (and set passwords) to accept other machines";
        }
        return "Listening on " + joined;
    }
}
