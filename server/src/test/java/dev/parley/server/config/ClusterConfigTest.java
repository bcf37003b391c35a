package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    private static final String MARIADB = "storage.database-url=jdbc:mariadb://127.0.0.1:3306/parley";

    @Test
    void theClusterIsOffByDefault() throws Exception {
        ClusterConfig cluster = new ConfigLoader().load().cluster();

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theRedisUrlComesFromTheEnvironmentUnderItsDocumentedName() throws Exception {
        ClusterConfig cluster = new ConfigLoader()
                .environment(
                        Map.of("PARLEY_CLUSTER__REDIS_URL", "redis://127.0.0.1:6379", "PARLEY_CLUSTER__NODE_ID", "a"))
                .sets(List.of(MARIADB))
                .load()
                .cluster();

        assertThat(cluster.redisUrl()).contains("redis://127.0.0.1:6379");
        assertThat(cluster.nodeId()).contains("a");
        assertThat(cluster.enabled()).isTrue();
    }

    @Test
    void aClusterOnSqliteIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .flag("cluster.redis-url", "redis://127.0.0.1:6379")
                        .load())
                .hasMessageContaining("cluster.redis-url: a cluster needs a database every node shares");
        assertThatThrownBy(() -> new ConfigLoader()
                        .flag("cluster.redis-url", "redis://127.0.0.1:6379")
                        .sets(List.of("storage.database-url=jdbc:sqlite:/tmp/x.db"))
                        .load())
                .hasMessageContaining("SQLite is one machine's file");
    }

    @Test
    void storingBeforeDeliveringIsNotOfferedOnAClusterYet() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of(MARIADB, "cluster.redis-url=redis://127.0.0.1:6379", "history.durability=sync"))
                        .load())
                .hasMessageContaining("history.durability: sync is not supported on a cluster yet");
    }

    @Test
    void aRedisUrlMustLookLikeOne() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("cluster.redis-url=127.0.0.1:6379", MARIADB))
                        .load())
                .hasMessageContaining("cluster.redis-url: must be a Redis URL");
    }

    @Test
    void anEmptyRedisUrlIsASingleNode() throws Exception {
        assertThat(new ConfigLoader()
                        .sets(List.of("cluster.redis-url="))
                        .load()
                        .cluster()
                        .redisUrl())
                .isEqualTo(Optional.empty());
    }
}
