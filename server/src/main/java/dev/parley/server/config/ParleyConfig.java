package dev.parley.server.config;

/**
 * The whole configuration: one immutable, validated snapshot, passed by constructor. Built by
 * {@link ConfigLoader} from the YAML file, then {@code PARLEY_*} environment variables, then flags.
 */
public record ParleyConfig(
        ServerConfig server, AuthConfig auth, StorageConfig storage, HistoryConfig history, LimitsConfig limits) {

    public static ParleyConfig defaults() {
        return new ParleyConfig(
                ServerConfig.defaults(),
                AuthConfig.defaults(),
                StorageConfig.defaults(),
                HistoryConfig.defaults(),
                LimitsConfig.defaults());
    }

    public ParleyConfig withServer(ServerConfig value) {
        return new ParleyConfig(value, auth, storage, history, limits);
    }

    public ParleyConfig withAuth(AuthConfig value) {
        return new ParleyConfig(server, value, storage, history, limits);
    }

    public ParleyConfig withStorage(StorageConfig value) {
        return new ParleyConfig(server, auth, value, history, limits);
    }

    public ParleyConfig withHistory(HistoryConfig value) {
        return new ParleyConfig(server, auth, storage, value, limits);
    }

    public ParleyConfig withLimits(LimitsConfig value) {
        return new ParleyConfig(server, auth, storage, history, value);
    }
}
