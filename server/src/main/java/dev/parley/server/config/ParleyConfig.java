package dev.parley.server.config;

/**
 * The whole configuration: one immutable, validated snapshot, passed by constructor. Built by
 * {@link ConfigLoader} from the YAML file, then {@code PARLEY_*} environment variables, then flags.
 */
public record ParleyConfig(
        ServerConfig server,
        HttpConfig http,
        TlsConfig tls,
        AuthConfig auth,
        AccountsConfig accounts,
        StorageConfig storage,
        HistoryConfig history,
        LimitsConfig limits,
        ModerationConfig moderation,
        LoggingConfig logging,
        AdminConfig admin,
        ProxyConfig proxy,
        ClusterConfig cluster) {

    public static ParleyConfig defaults() {
        return new ParleyConfig(
                ServerConfig.defaults(),
                HttpConfig.defaults(),
                TlsConfig.defaults(),
                AuthConfig.defaults(),
                AccountsConfig.defaults(),
                StorageConfig.defaults(),
                HistoryConfig.defaults(),
                LimitsConfig.defaults(),
                ModerationConfig.defaults(),
                LoggingConfig.defaults(),
                AdminConfig.defaults(),
                ProxyConfig.defaults(),
                ClusterConfig.defaults());
    }

    public ParleyConfig withServer(ServerConfig value) {
        return new ParleyConfig(
                value, http, tls, auth, accounts, storage, history, limits, moderation, logging, admin, proxy, cluster);
    }

    public ParleyConfig withHttp(HttpConfig value) {
        return new ParleyConfig(
                server,
                value,
                tls,
                auth,
                accounts,
                storage,
                history,
                limits,
                moderation,
                logging,
                admin,
                proxy,
                cluster);
    }

    public ParleyConfig withTls(TlsConfig value) {
        return new ParleyConfig(
                server,
                http,
                value,
                auth,
                accounts,
                storage,
                history,
                limits,
                moderation,
                logging,
                admin,
                proxy,
                cluster);
    }

    public ParleyConfig withAuth(AuthConfig value) {
        return new ParleyConfig(
                server,
                http,
                tls,
                value,
                accounts,
                storage,
                history,
                limits,
                moderation,
                logging,
                admin,
                proxy,
                cluster);
    }

    public ParleyConfig withAccounts(AccountsConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, value, storage, history, limits, moderation, logging, admin, proxy, cluster);
    }

    public ParleyConfig withStorage(StorageConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, value, history, limits, moderation, logging, admin, proxy, cluster);
    }

    public ParleyConfig withHistory(HistoryConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, storage, value, limits, moderation, logging, admin, proxy, cluster);
    }

    public ParleyConfig withLimits(LimitsConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, storage, history, value, moderation, logging, admin, proxy, cluster);
    }

    public ParleyConfig withLogging(LoggingConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, storage, history, limits, moderation, value, admin, proxy, cluster);
    }

    public ParleyConfig withModeration(ModerationConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, storage, history, limits, value, logging, admin, proxy, cluster);
    }

    public ParleyConfig withAdmin(AdminConfig value) {
        return new ParleyConfig(
                server,
                http,
                tls,
                auth,
                accounts,
                storage,
                history,
                limits,
                moderation,
                logging,
                value,
                proxy,
                cluster);
    }

    public ParleyConfig withProxy(ProxyConfig value) {
        return new ParleyConfig(
                server,
                http,
                tls,
                auth,
                accounts,
                storage,
                history,
                limits,
                moderation,
                logging,
                admin,
                value,
                cluster);
    }

    public ParleyConfig withCluster(ClusterConfig value) {
        return new ParleyConfig(
                server, http, tls, auth, accounts, storage, history, limits, moderation, logging, admin, proxy, value);
    }
}
