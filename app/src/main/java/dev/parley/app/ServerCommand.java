package dev.parley.app;

import dev.parley.server.ParleyServer;
import dev.parley.server.cluster.ClusterNode;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ProtectedMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley server}: load the config, refuse unsafe exposure, run until stopped. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Run the chat server. Flags win over --set, PARLEY_* variables and the config file.")
final class ServerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ServerOptions serverOptions;

    /** How the configuration was read, kept so that a reload reads it again the same way. */
    private ConfigLoader loader;

    @Override
    public Integer call() throws InterruptedException {
        loader = serverOptions.applyTo(configOptions.loader(parent.environment()));
        Optional<ParleyConfig> config = loadConfig();
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        Optional<String> refusal = ProtectedMode.refusal(config.get());
        if (refusal.isPresent()) {
            spec.commandLine().getErr().println(refusal.get());
            spec.commandLine().getErr().flush();
            return ParleyCommand.EXIT_USAGE;
        }
        ParleyConfig loaded = config.get();
        ConsoleLogging.apply(loaded.logging(), loaded.cluster().enabled() ? ClusterNode.nodeIdOf(loaded) : null);
        return run(config.get());
    }

    private Optional<ParleyConfig> loadConfig() {
        try {
            return Optional.of(loader.load());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return Optional.empty();
        }
    }

    private int run(ParleyConfig config) throws InterruptedException {
        log.info(
                "Parley {} starting; database {}",
                ParleyVersion.version(),
                redacted(config.storage().effectiveDatabaseUrl()));
        ParleyServer server = new ParleyServer(config, Clock.systemUTC(), loader::load);
        server.onReload(reloaded -> ConsoleLogging.applyLevel(reloaded.logging()));
        StopOnExit stopOnExit = StopOnExit.install(server::stop);
        try {
            server.start();
        } catch (Exception e) {
            log.error("Could not start: {}", e.toString(), e);
            server.stop();
            stopOnExit.uninstall();
            return ParleyCommand.EXIT_FAILED;
        }
        log.info(ListeningReport.describe(server.boundAddresses()));
        server.httpAddresses()
                .forEach(a -> log.info(
                        "Browser client: {}://{}:{}/",
                        config.http().https(!config.tls().listen().isEmpty()) ? "https" : "http",
                        a.getHostString(),
                        a.getPort()));
        ReloadOnHangup.install(server::reload); // the reload logs what it did
        warnAboutDefaults(config.auth());
        server.awaitStop();
        stopOnExit.uninstall();
        return 0;
    }

    /** Says which seed defaults are in force, by name only: no password ever goes to the log. */
    private static void warnAboutDefaults(AuthConfig auth) {
        List<String> defaults = new ArrayList<>();
        if (auth.serverPassword()
                .map(s -> s.isPlain(AuthConfig.DEFAULT_SERVER_PASSWORD))
                .orElse(false)) {
            defaults.add("server password");
        }
        if (auth.adminPassword().isPlain(AuthConfig.DEFAULT_ADMIN_PASSWORD)) {
            defaults.add(auth.adminName() + "'s password");
        }
        if (!defaults.isEmpty()) {
            log.info(
                    "The seed's default {} in force: fine on this machine; set your own "
                            + "(--server-password, --admin-password) before opening it to others",
                    String.join(" and ", defaults));
        }
    }

    /** JDBC URLs may carry a password as a parameter; never log it. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1******");
    }
}
