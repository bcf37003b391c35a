package dev.parley.server.config;

import java.util.List;

/**
 * Identity and listeners of this server.
 *
 * @param name the server name shown as the source of numerics
 * @param network the network name (ISUPPORT NETWORK)
 * @param listen plain-TCP IRC listeners
 * @param motd message-of-the-day lines; empty means 422 "MOTD File is missing"
 * @param insecureDefaults start on a non-loopback address even with the seed's default passwords
 */
public record ServerConfig(
        String name, String network, List<ListenAddress> listen, List<String> motd, boolean insecureDefaults) {

    public ServerConfig {
        listen = List.copyOf(listen);
        motd = List.copyOf(motd);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(
                "parley.local",
                "Parley",
                List.of(new ListenAddress("127.0.0.1", 6667)),
                List.of("Welcome to Parley.", "Join a room with /join #general."),
                false);
    }
}
