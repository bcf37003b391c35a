package dev.parley.app;

import dev.parley.server.config.ConfigKeys;
import dev.parley.server.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The server's dedicated flags, shared by {@code parley server} and {@code parley config check}
 * so the check loads a configuration exactly as the server would.
 */
final class ServerOptions {

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description = "Address to accept IRC clients on (repeatable; replaces the default 127.0.0.1:6667).")
    private List<String> listen = new ArrayList<>();

    @Option(
            names = "--listen-http",
            paramLabel = "HOST:PORT",
            description = "Address for the browser client, WebSocket, /healthz and /metrics (repeatable; replaces the "
                    + "default 127.0.0.1:8080).")
    private List<String> listenHttp = new ArrayList<>();

    @Option(
            names = "--listen-tls",
            paramLabel = "HOST:PORT",
            description =
                    "Address to accept IRC clients over TLS on (repeatable; 6697 by convention). HTTP becomes HTTPS.")
    private List<String> listenTls = new ArrayList<>();

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "TLS certificate chain (default: self-signed, made once).")
    private String tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key of --tls-cert.")
    private String tlsKey;

    @Option(names = "--server-password", paramLabel = "PW", description = "Password every client gives with PASS.")
    private String serverPassword;

    @Option(names = "--admin-password", paramLabel = "PW", description = "Password of the admin account.")
    private String adminPassword;

    @Option(
            names = "--insecure-defaults",
            description = "Start on a non-loopback address even with the default passwords.")
    private boolean insecureDefaults;

    @Option(
            names = "--cluster",
            paramLabel = "REDIS_URL",
            description = "Run as one node of a cluster sharing this Redis (redis://host:6379) and the database.")
    private String cluster;

    /** The loader with the flags that were given applied; flags win over every other source. */
    ConfigLoader applyTo(ConfigLoader loader) {
        if (!listen.isEmpty()) {
            loader.flag(ConfigKeys.SERVER_LISTEN.path(), List.copyOf(listen));
        }
        if (!listenHttp.isEmpty()) {
            loader.flag(ConfigKeys.HTTP_LISTEN.path(), List.copyOf(listenHttp));
        }
        if (!listenTls.isEmpty()) {
            loader.flag(ConfigKeys.TLS_LISTEN.path(), List.copyOf(listenTls));
        }
        if (tlsCertificate != null) {
            loader.flag(ConfigKeys.TLS_CERTIFICATE.path(), tlsCertificate);
        }
        if (tlsKey != null) {
            loader.flag(ConfigKeys.TLS_PRIVATE_KEY.path(), tlsKey);
        }
        if (serverPassword != null) {
            loader.flag(ConfigKeys.AUTH_SERVER_PASSWORD.path(), serverPassword);
        }
        if (adminPassword != null) {
            loader.flag(ConfigKeys.AUTH_ADMIN_PASSWORD.path(), adminPassword);
        }
        if (insecureDefaults) {
            loader.flag(ConfigKeys.SERVER_INSECURE_DEFAULTS.path(), true);
        }
        if (cluster != null) {
            loader.flag(ConfigKeys.CLUSTER_REDIS_URL.path(), cluster);
        }
        return loader;
    }
}
