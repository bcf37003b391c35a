package dev.parley.server.config;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.NickName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that span more than one key. Single-key checks live in the key's {@link ValueType}.
 */
final class ConfigRules {

    private ConfigRules() {}

    static List<ConfigProblem> check(ParleyConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        pageSizes(config.history(), problems);
        adminName(config, problems);
        operatorNames(config.auth(), problems);
        adminListen(config.admin(), problems);
        clusterDatabase(config, problems);
        return problems;
    }

    private static void pageSizes(HistoryConfig history, List<ConfigProblem> problems) {
        if (history.defaultPageSize() > history.maxPageSize()) {
            problems.add(problem(
                    ConfigKeys.HISTORY_DEFAULT_PAGE_SIZE,
                    "must not exceed "
                            + ConfigKeys.HISTORY_MAX_PAGE_SIZE.path() + " (" + history.maxPageSize() + "), got "
                            + history.defaultPageSize()));
        }
    }

    private static void adminName(ParleyConfig config, List<ConfigProblem> problems) {
        int maxLength = config.limits().nickLength();
        if (!NickName.isValid(config.auth().adminName(), maxLength)) {
            problems.add(problem(
                    ConfigKeys.AUTH_ADMIN_NAME,
                    "must be a valid nick of at most " + maxLength + " characters, got '"
                            + config.auth().adminName() + "'"));
        }
    }

    private static void operatorNames(AuthConfig auth, List<ConfigProblem> problems) {
        CaseMapping folding = CaseMapping.RFC1459;
        Set<String> seen = new HashSet<>();
        for (OperatorConfig operator : auth.operators()) {
            String name = operator.name();
            if (folding.equal(name, auth.adminName())) {
                problems.add(problem(
                        ConfigKeys.AUTH_OPERATORS,
                        "'" + name + "' is the admin (auth.admin-name),"
                                + " an operator already; set its password with auth.admin-password"));
            } else if (!seen.add(folding.fold(name))) {
                problems.add(problem(ConfigKeys.AUTH_OPERATORS, "names '" + name + "' twice"));
            }
        }
    }

    /** A console listener the console would not be served on is a mistake, not a choice: say so at start. */
    private static void adminListen(AdminConfig admin, List<ConfigProblem> problems) {
        for (ListenAddress address : admin.listen()) {
            if (!address.isLoopback() && !admin.allowRemote()) {
                problems.add(problem(
                        ConfigKeys.ADMIN_LISTEN,
                        address + " is not a loopback address: set " + ConfigKeys.ADMIN_ALLOW_REMOTE.path()
                                + ": true to serve the console there (with HTTPS)"));
            }
        }
    }

    /** A cluster's nodes share one database: SQLite is a file on one machine. */
    private static void clusterDatabase(ParleyConfig config, List<ConfigProblem> problems) {
        if (config.cluster().enabled() && !config.storage().isSharedDatabase()) {
            problems.add(problem(
                    ConfigKeys.CLUSTER_REDIS_URL,
                    "a cluster needs a database every node shares: set " + ConfigKeys.STORAGE_DATABASE_URL.path()
                            + " to a MariaDB/MySQL or PostgreSQL URL (SQLite is one machine's file)"));
        }
        if (config.cluster().enabled() && config.history().durability() == HistoryConfig.Durability.SYNC) {
            problems.add(problem(
                    ConfigKeys.HISTORY_DURABILITY,
                    "sync is not supported on a cluster yet (cluster.redis-url); use async"));
        }
    }

    private static ConfigProblem problem(ConfigKey<?> key, String message) {
        return new ConfigProblem(key.path(), message, "");
    }
}
