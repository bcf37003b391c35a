package dev.parley.server.config;

import static dev.parley.server.config.ValueTypes.bool;
import static dev.parley.server.config.ValueTypes.byteSize;
import static dev.parley.server.config.ValueTypes.duration;
import static dev.parley.server.config.ValueTypes.integer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The table of every configuration key. Adding a key is one line here, one argument in
 * {@link #assemble}, and one commented entry in {@code parley.example.yaml} (a test fails until all
 * three agree). Each key is declared {@code live} (REHASH / SIGHUP applies it to the running server,
 * which reads it at use time) or {@code restart} (listeners, storage, pools and what clients were told
 * at connection: a reload refuses a change and keeps the running value); the example file says which. The loader, the environment-variable names and the example-coverage test all read
 * this table, which is what keeps the loader small.
 */
public final class ConfigKeys {

    private static final Map<String, ConfigKey<?>> BY_PATH = new LinkedHashMap<>();
    private static final Duration ONE_MS = Duration.ofMillis(1);

    public static final ConfigKey<String> SERVER_NAME =
            restart("server.name", ValueTypes.word(), c -> c.server().name());
    public static final ConfigKey<String> SERVER_NETWORK =
            restart("server.network", ValueTypes.word(), c -> c.server().network());
    public static final ConfigKey<List<ListenAddress>> SERVER_LISTEN = restart(
            "server.listen", ValueTypes.listenAddresses(), c -> c.server().listen());
    public static final ConfigKey<List<String>> SERVER_MOTD =
            live("server.motd", ValueTypes.lines(), c -> c.server().motd());
    public static final ConfigKey<Boolean> SERVER_INSECURE_DEFAULTS =
            live("server.insecure-defaults", bool(), c -> c.server().insecureDefaults());

    public static final ConfigKey<List<ListenAddress>> HTTP_LISTEN = restart(
            "http.listen", ValueTypes.optionalListenAddresses(), c -> c.http().listen());
    public static final ConfigKey<HttpConfig.Tls> HTTP_TLS = restart(
            "http.tls", ValueTypes.choice(HttpConfig.Tls.class), c -> c.http().tls());
    public static final ConfigKey<Duration> HTTP_IDLE_TIMEOUT =
            restart("http.idle-timeout", duration(ONE_MS), c -> c.http().idleTimeout());
    public static final ConfigKey<Duration> HTTP_REQUEST_TIMEOUT =
            restart("http.request-timeout", duration(ONE_MS), c -> c.http().requestTimeout());
    public static final ConfigKey<List<WebOrigin>> HTTP_ALLOWED_ORIGINS = restart(
            "http.allowed-origins", ValueTypes.webOrigins(), c -> c.http().allowedOrigins());
    public static final ConfigKey<Integer> HTTP_MAX_LOOPBACK_CONNECTIONS =
            restart("http.max-loopback-connections", integer(1), c -> c.http().maxLoopbackConnections());
    /** A section of its own in the file, for the operator; an HTTP listener, so in {@link HttpConfig}. */
    public static final ConfigKey<List<ListenAddress>> METRICS_LISTEN = restart(
            "metrics.listen",
            ValueTypes.optionalListenAddresses(),
            c -> c.http().metricsListen());

    public static final ConfigKey<List<AddressRange>> PROXY_TRUSTED =
            restart("proxy.trusted", ValueTypes.addressRanges(), c -> c.proxy().trusted());

    public static final ConfigKey<List<ListenAddress>> TLS_LISTEN = restart(
            "tls.listen", ValueTypes.optionalListenAddresses(), c -> c.tls().listen());
    public static final ConfigKey<Optional<Path>> TLS_CERTIFICATE =
            restart("tls.certificate", ValueTypes.optionalPath(), c -> c.tls().certificate());
    public static final ConfigKey<Optional<Path>> TLS_PRIVATE_KEY =
            restart("tls.private-key", ValueTypes.optionalPath(), c -> c.tls().privateKey());

    public static final ConfigKey<LoggingConfig.Level> LOGGING_LEVEL = live(
            "logging.level",
            ValueTypes.choice(LoggingConfig.Level.class),
            c -> c.logging().level());
    public static final ConfigKey<LoggingConfig.Format> LOGGING_FORMAT = restart(
            "logging.format",
            ValueTypes.choice(LoggingConfig.Format.class),
            c -> c.logging().format());

    public static final ConfigKey<Optional<Secret>> AUTH_SERVER_PASSWORD = live(
            "auth.server-password", ValueTypes.optionalSecret(), c -> c.auth().serverPassword());
    public static final ConfigKey<Optional<Path>> AUTH_SERVER_PASSWORD_FILE = live(
            "auth.server-password-file",
            ValueTypes.optionalPath(),
            c -> c.auth().serverPasswordFile());
    public static final ConfigKey<String> AUTH_ADMIN_NAME =
            restart("auth.admin-name", ValueTypes.word(), c -> c.auth().adminName());
    public static final ConfigKey<Secret> AUTH_ADMIN_PASSWORD =
            live("auth.admin-password", ValueTypes.secret(), c -> c.auth().adminPassword());
    public static final ConfigKey<Optional<Path>> AUTH_ADMIN_PASSWORD_FILE = live(
            "auth.admin-password-file", ValueTypes.optionalPath(), c -> c.auth().adminPasswordFile());
    public static final ConfigKey<List<OperatorConfig>> AUTH_OPERATORS =
            live("auth.operators", OperatorEntries::parse, c -> c.auth().operators());
    public static final ConfigKey<Integer> AUTH_ACCOUNT_LOGIN_FAILURES =
            restart("auth.account-login-failures", integer(1), c -> c.auth().accountLoginFailures());
    public static final ConfigKey<Integer> AUTH_ADDRESS_LOGIN_FAILURES =
            restart("auth.address-login-failures", integer(1), c -> c.auth().addressLoginFailures());
    public static final ConfigKey<Integer> AUTH_PASSWORD_CHECK_THREADS =
            restart("auth.password-check-threads", integer(1), c -> c.auth().passwordCheckThreads());
    public static final ConfigKey<Integer> AUTH_PASSWORD_CHECK_QUEUE =
            restart("auth.password-check-queue", integer(1), c -> c.auth().passwordCheckQueue());

    public static final ConfigKey<AccountsConfig.Registration> ACCOUNTS_REGISTRATION = live(
            "accounts.registration",
            ValueTypes.choice(AccountsConfig.Registration.class),
            c -> c.accounts().registration());
    public static final ConfigKey<Integer> ACCOUNTS_BCRYPT_COST = restart(
            "accounts.bcrypt-cost",
            ValueTypes.integerBetween(AccountsConfig.MIN_BCRYPT_COST, AccountsConfig.MAX_BCRYPT_COST),
            c -> c.accounts().bcryptCost());
    public static final ConfigKey<Integer> ACCOUNTS_MIN_PASSWORD_LENGTH =
            live("accounts.min-password-length", integer(1), c -> c.accounts().minPasswordLength());
    public static final ConfigKey<Integer> ACCOUNTS_LOGIN_ATTEMPTS =
            restart("accounts.login-attempts", integer(1), c -> c.accounts().loginAttempts());
    public static final ConfigKey<Duration> ACCOUNTS_LOGIN_WINDOW =
            restart("accounts.login-window", duration(ONE_MS), c -> c.accounts().loginWindow());
    public static final ConfigKey<Integer> ACCOUNTS_REGISTRATIONS_PER_IP = restart(
            "accounts.registrations-per-ip", integer(1), c -> c.accounts().registrationsPerIp());
    public static final ConfigKey<Duration> ACCOUNTS_REGISTRATION_WINDOW = restart(
            "accounts.registration-window", duration(ONE_MS), c -> c.accounts().registrationWindow());
    public static final ConfigKey<Boolean> ACCOUNTS_MULTICLIENT =
            live("accounts.multiclient", ValueTypes.bool(), c -> c.accounts().multiclient());
    public static final ConfigKey<Boolean> ACCOUNTS_ALWAYS_ON =
            live("accounts.always-on", ValueTypes.bool(), c -> c.accounts().alwaysOn());

    public static final ConfigKey<Path> STORAGE_DATA_DIR =
            restart("storage.data-dir", ValueTypes.path(), c -> c.storage().dataDir());
    public static final ConfigKey<Optional<String>> STORAGE_DATABASE_URL = restart(
            "storage.database-url",
            ValueTypes.optionalJdbcUrl(),
            c -> c.storage().databaseUrl());
    public static final ConfigKey<Optional<String>> STORAGE_DATABASE_USER = restart(
            "storage.database-user", ValueTypes.optionalText(), c -> c.storage().databaseUser());
    public static final ConfigKey<Optional<Secret>> STORAGE_DATABASE_PASSWORD = restart(
            "storage.database-password",
            ValueTypes.optionalSecret(),
            c -> c.storage().databasePassword());
    public static final ConfigKey<Optional<Path>> STORAGE_DATABASE_PASSWORD_FILE = restart(
            "storage.database-password-file",
            ValueTypes.optionalPath(),
            c -> c.storage().databasePasswordFile());
    public static final ConfigKey<Integer> STORAGE_POOL_SIZE =
            restart("storage.pool-size", integer(1), c -> c.storage().poolSize());
    public static final ConfigKey<Duration> STORAGE_CONNECT_TIMEOUT = restart(
            "storage.connect-timeout",
            duration(Duration.ofMillis(250)),
            c -> c.storage().connectTimeout());
    public static final ConfigKey<Duration> STORAGE_QUERY_TIMEOUT = restart(
            "storage.query-timeout",
            duration(Duration.ofSeconds(1)),
            c -> c.storage().queryTimeout());

    public static final ConfigKey<Boolean> HISTORY_ENABLED =
            restart("history.enabled", bool(), c -> c.history().enabled());
    public static final ConfigKey<Duration> HISTORY_FLUSH_INTERVAL =
            restart("history.flush-interval", duration(ONE_MS), c -> c.history().flushInterval());
    public static final ConfigKey<Integer> HISTORY_BATCH_SIZE =
            restart("history.batch-size", integer(1), c -> c.history().batchSize());
    public static final ConfigKey<Integer> HISTORY_QUEUE_CAPACITY =
            restart("history.queue-capacity", integer(1), c -> c.history().queueCapacity());
    public static final ConfigKey<Integer> HISTORY_MAX_PAGE_SIZE =
            restart("history.max-page-size", integer(1), c -> c.history().maxPageSize());
    public static final ConfigKey<Integer> HISTORY_DEFAULT_PAGE_SIZE =
            restart("history.default-page-size", integer(1), c -> c.history().defaultPageSize());

    public static final ConfigKey<HistoryConfig.Durability> HISTORY_DURABILITY = restart(
            "history.durability",
            ValueTypes.choice(HistoryConfig.Durability.class),
            c -> c.history().durability());
    public static final ConfigKey<Long> HISTORY_SPILL_MAX_BYTES = restart(
            "history.spill-max-bytes",
            ValueTypes.largeByteSize(),
            c -> c.history().spillMaxBytes());
    public static final ConfigKey<Duration> HISTORY_COMMIT_TIMEOUT =
            restart("history.commit-timeout", duration(ONE_MS), c -> c.history().commitTimeout());
    public static final ConfigKey<Integer> SEARCH_MAX_RESULTS = restart(
            "history.search.max-results",
            ValueTypes.integerBetween(1, 1000),
            c -> c.history().search().maxResults());
    public static final ConfigKey<Duration> SEARCH_TIMEOUT = restart(
            "history.search.timeout",
            duration(Duration.ofSeconds(1)),
            c -> c.history().search().timeout());
    public static final ConfigKey<Integer> SEARCH_PER_MINUTE = restart(
            "history.search.per-minute", integer(1), c -> c.history().search().perMinute());
    public static final ConfigKey<String> SEARCH_LANGUAGE = restart(
            "history.search.language",
            ValueTypes.sqlName(),
            c -> c.history().search().language());
    public static final ConfigKey<Duration> HISTORY_RETENTION_MAX_AGE = live(
            "history.retention.max-age",
            duration(Duration.ZERO),
            c -> c.history().retentionMaxAge());
    public static final ConfigKey<Integer> HISTORY_RETENTION_MAX_MESSAGES =
            live("history.retention.max-messages", integer(0), c -> c.history().retentionMaxMessages());
    public static final ConfigKey<Duration> HISTORY_RETENTION_INTERVAL = live(
            "history.retention.interval",
            duration(Duration.ofSeconds(1)),
            c -> c.history().retentionInterval());

    public static final ConfigKey<Integer> LIMITS_NICK_LENGTH =
            restart("limits.nick-length", integer(9), c -> c.limits().nickLength());
    public static final ConfigKey<Integer> LIMITS_ROOM_NAME_LENGTH =
            restart("limits.room-name-length", integer(2), c -> c.limits().roomNameLength());
    public static final ConfigKey<Integer> LIMITS_TOPIC_LENGTH =
            live("limits.topic-length", integer(1), c -> c.limits().topicLength());
    public static final ConfigKey<Integer> LIMITS_AWAY_LENGTH =
            live("limits.away-length", integer(1), c -> c.limits().awayLength());
    public static final ConfigKey<Integer> LIMITS_KICK_REASON_LENGTH =
            live("limits.kick-reason-length", integer(1), c -> c.limits().kickReasonLength());
    public static final ConfigKey<Integer> LIMITS_REALNAME_LENGTH =
            live("limits.realname-length", integer(1), c -> c.limits().realnameLength());
    public static final ConfigKey<Integer> LIMITS_MAX_ROOMS_PER_CLIENT =
            live("limits.max-rooms-per-client", integer(1), c -> c.limits().maxRoomsPerClient());
    public static final ConfigKey<Integer> LIMITS_MAX_LIST_ENTRIES =
            live("limits.max-list-entries", integer(1), c -> c.limits().maxListEntries());
    public static final ConfigKey<Integer> LIMITS_SEND_QUEUE_BYTES =
            restart("limits.send-queue-bytes", byteSize(), c -> c.limits().sendQueueBytes());
    public static final ConfigKey<Duration> LIMITS_REGISTRATION_TIMEOUT = live(
            "limits.registration-timeout",
            duration(Duration.ZERO),
            c -> c.limits().registrationTimeout());
    public static final ConfigKey<Duration> LIMITS_PING_INTERVAL = live(
            "limits.ping-interval", duration(Duration.ZERO), c -> c.limits().pingInterval());
    public static final ConfigKey<Duration> LIMITS_PING_TIMEOUT =
            live("limits.ping-timeout", duration(ONE_MS), c -> c.limits().pingTimeout());

    public static final ConfigKey<Boolean> FLOOD_ENABLED =
            live("limits.flood.enabled", bool(), c -> c.limits().flood().enabled());
    public static final ConfigKey<Integer> FLOOD_BURST =
            live("limits.flood.burst", integer(1), c -> c.limits().flood().burst());
    public static final ConfigKey<Double> FLOOD_LINES_PER_SECOND = live(
            "limits.flood.lines-per-second",
            ValueTypes.positiveDecimal(),
            c -> c.limits().flood().linesPerSecond());
    public static final ConfigKey<Boolean> FLOOD_EXEMPT_OPERATORS = live(
            "limits.flood.exempt-operators", bool(), c -> c.limits().flood().exemptOperators());

    public static final ConfigKey<Boolean> CONNECTIONS_ENABLED = restart(
            "limits.connections.enabled", bool(), c -> c.limits().connections().enabled());
    public static final ConfigKey<Integer> CONNECTIONS_MAX_PER_IP = live(
            "limits.connections.max-per-ip",
            integer(1),
            c -> c.limits().connections().maxPerIp());
    public static final ConfigKey<Integer> CONNECTIONS_THROTTLE_CONNECTIONS = live(
            "limits.connections.throttle-connections",
            integer(1),
            c -> c.limits().connections().throttleConnections());
    public static final ConfigKey<Duration> CONNECTIONS_THROTTLE_WINDOW = live(
            "limits.connections.throttle-window",
            duration(ONE_MS),
            c -> c.limits().connections().throttleWindow());
    public static final ConfigKey<Boolean> CONNECTIONS_EXEMPT_LOOPBACK = restart(
            "limits.connections.exempt-loopback",
            bool(),
            c -> c.limits().connections().exemptLoopback());

    public static final ConfigKey<Integer> MULTILINE_MAX_BYTES = restart(
            "limits.multiline.max-bytes",
            ValueTypes.integerBetween(512, 16_384),
            c -> c.limits().multiline().maxBytes());
    public static final ConfigKey<Integer> MULTILINE_MAX_LINES = restart(
            "limits.multiline.max-lines",
            ValueTypes.integerBetween(1, 1000),
            c -> c.limits().multiline().maxLines());

    public static final ConfigKey<Boolean> MODERATION_BAN_GUEST_ADDRESS =
            live("moderation.ban-guest-address", bool(), c -> c.moderation().banGuestAddress());
    public static final ConfigKey<Integer> MODERATION_MAX_ROOMS_PER_ACCOUNT = restart(
            "moderation.max-rooms-per-account", integer(0), c -> c.moderation().maxRoomsPerAccount());

    public static final ConfigKey<Boolean> ADMIN_ENABLED =
            restart("admin.enabled", bool(), c -> c.admin().enabled());
    public static final ConfigKey<List<ListenAddress>> ADMIN_LISTEN = restart(
            "admin.listen", ValueTypes.optionalListenAddresses(), c -> c.admin().listen());
    public static final ConfigKey<Boolean> ADMIN_ALLOW_REMOTE =
            restart("admin.allow-remote", bool(), c -> c.admin().allowRemote());
    public static final ConfigKey<Duration> ADMIN_SESSION_TIMEOUT = restart(
            "admin.session-timeout",
            duration(Duration.ofSeconds(1)),
            c -> c.admin().sessionTimeout());

    public static final ConfigKey<Optional<String>> CLUSTER_REDIS_URL = restart(
            "cluster.redis-url", ValueTypes.optionalRedisUrl(), c -> c.cluster().redisUrl());
    public static final ConfigKey<Optional<String>> CLUSTER_NODE_ID = restart(
            "cluster.node-id", ValueTypes.optionalText(), c -> c.cluster().nodeId());
    public static final ConfigKey<String> CLUSTER_KEY_PREFIX =
            restart("cluster.key-prefix", ValueTypes.word(), c -> c.cluster().keyPrefix());
    public static final ConfigKey<Duration> CLUSTER_LEASE = restart(
            "cluster.lease", duration(Duration.ofSeconds(1)), c -> c.cluster().lease());

    private ConfigKeys() {}

    /** Every key, in the order of the example file. */
    public static List<ConfigKey<?>> all() {
        return List.copyOf(BY_PATH.values());
    }

    static Optional<ConfigKey<?>> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Whether {@code path} names a section (such as {@code limits.flood}) rather than a key. */
    static boolean isSection(String path) {
        return BY_PATH.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
    }

    /** Builds the records from one value per key. */
    static ParleyConfig assemble(Values v) {
        return new ParleyConfig(
                new ServerConfig(
                        v.get(SERVER_NAME),
                        v.get(SERVER_NETWORK),
                        v.get(SERVER_LISTEN),
                        v.get(SERVER_MOTD),
                        v.get(SERVER_INSECURE_DEFAULTS)),
                new HttpConfig(
                        v.get(HTTP_LISTEN),
                        v.get(HTTP_TLS),
                        v.get(HTTP_IDLE_TIMEOUT),
                        v.get(HTTP_REQUEST_TIMEOUT),
                        v.get(HTTP_ALLOWED_ORIGINS),
                        v.get(HTTP_MAX_LOOPBACK_CONNECTIONS),
                        v.get(METRICS_LISTEN)),
                new TlsConfig(v.get(TLS_LISTEN), v.get(TLS_CERTIFICATE), v.get(TLS_PRIVATE_KEY)),
                new AuthConfig(
                        v.get(AUTH_SERVER_PASSWORD),
                        v.get(AUTH_SERVER_PASSWORD_FILE),
                        v.get(AUTH_ADMIN_NAME),
                        v.get(AUTH_ADMIN_PASSWORD),
                        v.get(AUTH_ADMIN_PASSWORD_FILE),
                        v.get(AUTH_OPERATORS),
                        v.get(AUTH_ACCOUNT_LOGIN_FAILURES),
                        v.get(AUTH_ADDRESS_LOGIN_FAILURES),
                        v.get(AUTH_PASSWORD_CHECK_THREADS),
                        v.get(AUTH_PASSWORD_CHECK_QUEUE)),
                new AccountsConfig(
                        v.get(ACCOUNTS_REGISTRATION),
                        v.get(ACCOUNTS_BCRYPT_COST),
                        v.get(ACCOUNTS_MIN_PASSWORD_LENGTH),
                        v.get(ACCOUNTS_LOGIN_ATTEMPTS),
                        v.get(ACCOUNTS_LOGIN_WINDOW),
                        v.get(ACCOUNTS_REGISTRATIONS_PER_IP),
                        v.get(ACCOUNTS_REGISTRATION_WINDOW),
                        v.get(ACCOUNTS_MULTICLIENT),
                        v.get(ACCOUNTS_ALWAYS_ON)),
                new StorageConfig(
                        v.get(STORAGE_DATA_DIR),
                        v.get(STORAGE_DATABASE_URL),
                        v.get(STORAGE_DATABASE_USER),
                        v.get(STORAGE_DATABASE_PASSWORD),
                        v.get(STORAGE_DATABASE_PASSWORD_FILE),
                        v.get(STORAGE_POOL_SIZE),
                        v.get(STORAGE_CONNECT_TIMEOUT),
                        v.get(STORAGE_QUERY_TIMEOUT)),
                new HistoryConfig(
                        v.get(HISTORY_ENABLED),
                        v.get(HISTORY_FLUSH_INTERVAL),
                        v.get(HISTORY_BATCH_SIZE),
                        v.get(HISTORY_QUEUE_CAPACITY),
                        v.get(HISTORY_MAX_PAGE_SIZE),
                        v.get(HISTORY_DEFAULT_PAGE_SIZE),
                        v.get(HISTORY_DURABILITY),
                        v.get(HISTORY_SPILL_MAX_BYTES),
                        v.get(HISTORY_RETENTION_MAX_AGE),
                        v.get(HISTORY_RETENTION_MAX_MESSAGES),
                        v.get(HISTORY_RETENTION_INTERVAL),
                        v.get(HISTORY_COMMIT_TIMEOUT),
                        new SearchConfig(
                                v.get(SEARCH_MAX_RESULTS),
                                v.get(SEARCH_TIMEOUT),
                                v.get(SEARCH_PER_MINUTE),
                                v.get(SEARCH_LANGUAGE))),
                new LimitsConfig(
                        v.get(LIMITS_NICK_LENGTH),
                        v.get(LIMITS_ROOM_NAME_LENGTH),
                        v.get(LIMITS_TOPIC_LENGTH),
                        v.get(LIMITS_AWAY_LENGTH),
                        v.get(LIMITS_KICK_REASON_LENGTH),
                        v.get(LIMITS_REALNAME_LENGTH),
                        v.get(LIMITS_MAX_ROOMS_PER_CLIENT),
                        v.get(LIMITS_MAX_LIST_ENTRIES),
                        v.get(LIMITS_SEND_QUEUE_BYTES),
                        v.get(LIMITS_REGISTRATION_TIMEOUT),
                        v.get(LIMITS_PING_INTERVAL),
                        v.get(LIMITS_PING_TIMEOUT),
                        new FloodConfig(
                                v.get(FLOOD_ENABLED),
                                v.get(FLOOD_BURST),
                                v.get(FLOOD_LINES_PER_SECOND),
                                v.get(FLOOD_EXEMPT_OPERATORS)),
                        new ConnectionLimitsConfig(
                                v.get(CONNECTIONS_ENABLED),
                                v.get(CONNECTIONS_MAX_PER_IP),
                                v.get(CONNECTIONS_THROTTLE_CONNECTIONS),
                                v.get(CONNECTIONS_THROTTLE_WINDOW),
                                v.get(CONNECTIONS_EXEMPT_LOOPBACK)),
                        new MultilineConfig(v.get(MULTILINE_MAX_BYTES), v.get(MULTILINE_MAX_LINES))),
                new ModerationConfig(v.get(MODERATION_BAN_GUEST_ADDRESS), v.get(MODERATION_MAX_ROOMS_PER_ACCOUNT)),
                new LoggingConfig(v.get(LOGGING_LEVEL), v.get(LOGGING_FORMAT)),
                new AdminConfig(
                        v.get(ADMIN_ENABLED),
                        v.get(ADMIN_LISTEN),
                        v.get(ADMIN_ALLOW_REMOTE),
                        v.get(ADMIN_SESSION_TIMEOUT)),
                new ProxyConfig(v.get(PROXY_TRUSTED)),
                new ClusterConfig(
                        v.get(CLUSTER_REDIS_URL),
                        v.get(CLUSTER_NODE_ID),
                        v.get(CLUSTER_KEY_PREFIX),
                        v.get(CLUSTER_LEASE)));
    }

    /** One current value per key; {@link #assemble} reads through it. */
    interface Values {
        <T> T get(ConfigKey<T> key);
    }

    /** A key REHASH / SIGHUP applies to the running server. */
    private static <T> ConfigKey<T> live(String path, ValueType<T> type, Function<ParleyConfig, T> defaultOf) {
        return key(path, type, defaultOf, true);
    }

    /** A key only a restart changes: a reload that changes it says so and keeps the running value. */
    private static <T> ConfigKey<T> restart(String path, ValueType<T> type, Function<ParleyConfig, T> defaultOf) {
        return key(path, type, defaultOf, false);
    }

    private static <T> ConfigKey<T> key(
            String path, ValueType<T> type, Function<ParleyConfig, T> defaultOf, boolean reloadable) {
        ConfigKey<T> key = new ConfigKey<>(path, type, defaultOf, reloadable);
        if (BY_PATH.putIfAbsent(path, key) != null) {
            throw new IllegalStateException("config key declared twice: " + path);
        }
        return key;
    }

    static List<String> paths() {
        return Collections.unmodifiableList(new ArrayList<>(BY_PATH.keySet()));
    }

    static List<String> pathsUnder(String section) {
        return BY_PATH.keySet().stream()
                .filter(p -> p.startsWith(section + "."))
                .toList();
    }

    /** Key paths and the sections above them, the candidates for "did you mean". */
    static Set<String> pathsAndSections() {
        Set<String> candidates = new LinkedHashSet<>();
        for (String path : BY_PATH.keySet()) {
            candidates.add(path);
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                candidates.add(path.substring(0, dot));
            }
        }
        return candidates;
    }
}
