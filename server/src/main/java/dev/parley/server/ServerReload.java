package dev.parley.server;

import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Audit;
import dev.parley.server.config.ConfigChange;
import dev.parley.server.config.ConfigKey;
import dev.parley.server.config.ConfigKeys;
import dev.parley.server.config.ConfigProblem;
import dev.parley.server.config.ConfigReloader;
import dev.parley.server.config.LiveConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.store.StoreException;
import dev.parley.server.transport.TlsContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REHASH and SIGHUP: reads the configuration again, puts every reloadable key in force at once
 * ({@link ConfigReloader}), does what a changed key needs beyond that (the admin account, the log
 * level through {@link #onApplied}), reloads the TLS certificate, and says what it did in lines for
 * the operator, the log and the audit log. Key names only, never a value. Blocking: never on an
 * event loop.
 */
final class ServerReload {

    private static final Logger log = LoggerFactory.getLogger(ServerReload.class);

    private final ConfigReloader reloader;
    private final LiveConfig live;
    private final Supplier<Accounts> accounts;
    private final Supplier<TlsContexts> tls;
    private final List<Consumer<ParleyConfig>> listeners = new CopyOnWriteArrayList<>();

    ServerReload(ConfigReloader reloader, LiveConfig live, Supplier<Accounts> accounts, Supplier<TlsContexts> tls) {
        this.reloader = reloader;
        this.live = live;
        this.accounts = accounts;
        this.tls = tls;
    }

    /** Runs after every reload that put a configuration in force (the app applies the log level). */
    void onApplied(Consumer<ParleyConfig> listener) {
        listeners.add(listener);
    }

    /** Reloads; what it did, one line per fact. */
    synchronized List<String> reload() {
        List<String> lines = new ArrayList<>();
        ConfigReloader.Outcome outcome = reloader.reload();
        if (outcome instanceof ConfigReloader.Outcome.Invalid invalid) {
            refused(invalid.problems(), lines);
        } else if (outcome instanceof ConfigReloader.Outcome.Applied applied) {
            applied(applied.change(), lines);
        }
        lines.add(reloadCertificate());
        return lines;
    }

    private void refused(List<ConfigProblem> problems, List<String> lines) {
        lines.add("Configuration not reloaded: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; the running configuration stays whole");
        problems.forEach(problem -> lines.add(problem.toString()));
        Audit.LOG.warn(
                "REHASH refused, configuration invalid at {}",
                problems.stream().map(ConfigProblem::path).collect(Collectors.joining(", ")));
        lines.forEach(log::warn);
    }

    private void applied(ConfigChange change, List<String> lines) {
        ParleyConfig now = live.get();
        if (change.applies(ConfigKeys.AUTH_ADMIN_PASSWORD)) {
            ensureAdmin(now);
        }
        lines.add(
                change.applied().isEmpty()
                        ? "Configuration reloaded: no reloadable setting changed"
                        : "Configuration reloaded; applied: " + names(change.applied()));
        lines.addAll(change.restartLines());
        lines.forEach(log::info); // before a new logging.level may silence them
        Audit.LOG.info(
                "REHASH applied: [{}]; need a restart: [{}]", names(change.applied()), names(change.needRestart()));
        listeners.forEach(listener -> listener.accept(now));
    }

    /** The admin account as at start: created if missing, a warning if its password differs from the file. */
    private void ensureAdmin(ParleyConfig now) {
        Accounts current = accounts.get();
        if (current == null) {
            return;
        }
        try {
            current.ensureAdmin(now.auth());
        } catch (StoreException e) {
            log.warn(
                    "admin account not checked after the reload: the account store is unavailable ({})",
                    e.getMessage());
        }
    }

    private String reloadCertificate() {
        TlsContexts contexts = tls.get();
        if (contexts == null) {
            return "TLS: no TLS listener, no certificate to reload";
        }
        String line = contexts.reload()
                ? "TLS certificate reloaded (SHA-256 " + contexts.fingerprint() + ")"
                : "TLS certificate reload failed; the old certificate stays in force (see the log)";
        log.info(line);
        return line;
    }

    private static String names(List<ConfigKey<?>> keys) {
        return keys.stream().map(ConfigKey::path).collect(Collectors.joining(", "));
    }
}
