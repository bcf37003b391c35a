package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Refuses to expose the seed's well-known passwords to the network, like Redis' protected mode.
 * On loopback the defaults are a convenience (one command and you are chatting); on any other
 * address they would let anyone in as admin, so the server stops and says exactly how to fix it.
 */
public final class ProtectedMode {

    private ProtectedMode() {}

    /** Why the server must not start with this config, or empty when it may. */
    public static Optional<String> refusal(ParleyConfig config) {
        List<ListenAddress> exposed = java.util.stream.Stream.of(
                        config.server().listen(),
                        config.tls().listen(),
                        config.http().listen())
                .flatMap(List::stream)
                .filter(address -> !address.isLoopback())
                .toList();
        if (exposed.isEmpty()
                || !config.auth().usesSeedDefaults()
                || config.server().insecureDefaults()) {
            return Optional.empty();
        }
        return Optional.of(message(exposed, defaultsInUse(config.auth())));
    }

    private static List<String> defaultsInUse(AuthConfig auth) {
        List<String> names = new ArrayList<>();
        if (auth.serverPassword()
                .map(s -> s.isPlain(AuthConfig.DEFAULT_SERVER_PASSWORD))
                .orElse(false)) {
            names.add("server password");
        }
        if (auth.adminPassword().isPlain(AuthConfig.DEFAULT_ADMIN_PASSWORD)) {
            names.add("admin password");
        }
        return names;
    }

    private static String message(List<ListenAddress> exposed, List<String> defaults) {
        String addresses = exposed.stream().map(ListenAddress::toString).collect(Collectors.joining(", "));
        String server = ConfigKeys.AUTH_SERVER_PASSWORD.path();
        String admin = ConfigKeys.AUTH_ADMIN_PASSWORD.path();
        return String.join(
                "\n",
                "Refusing to start: listening on " + addresses + " (reachable from other machines) with the default "
                        + String.join(" and ", defaults) + ", which anyone can look up.",
                "Set your own passwords in any one of these ways:",
                "  flags:        parley server --server-password NEW --admin-password NEW ...",
                "  environment:  " + ConfigKeys.AUTH_SERVER_PASSWORD.envName() + "=NEW "
                        + ConfigKeys.AUTH_ADMIN_PASSWORD.envName() + "=NEW",
                "  config file:  " + server + " and " + admin + " (see parley.example.yaml; a bcrypt hash works too)",
                "  secret files: " + ConfigKeys.AUTH_SERVER_PASSWORD_FILE.envName() + "=FILE "
                        + ConfigKeys.AUTH_ADMIN_PASSWORD_FILE.envName() + "=FILE",
                "  --set:        --set " + server + "=NEW --set " + admin + "=NEW",
                "(" + server + " set to \"\" asks no server password at all.)",
                "Or listen on this machine only (--listen 127.0.0.1:6667), or start anyway with --insecure-defaults.");
    }
}
