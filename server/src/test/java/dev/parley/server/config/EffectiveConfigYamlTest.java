package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class EffectiveConfigYamlTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsReadBackAsTheDefaultsWithMaskedPasswords() throws Exception {
        ParleyConfig readBack = readBack(EffectiveConfigYaml.render(ParleyConfig.defaults()));

        Secret masked = Secret.of(EffectiveConfigYaml.MASK);
        assertThat(readBack)
                .isEqualTo(ParleyConfig.defaults()
                        .withAuth(new AuthConfig(Optional.of(masked), "admin", masked, List.of())));
    }

    @Test
    void everyKindOfValueIsWrittenAsTheConfigFileWritesItSoItReadsBack() throws Exception {
        ParleyConfig config = new ConfigLoader()
                .sets(List.of(
                        "server.listen=0.0.0.0:6667,[::1]:7000",
                        "server.motd=",
                        "http.allowed-origins=https://chat.example.com:8443",
                        "http.tls=on",
                        "tls.certificate=/etc/parley/cert.pem",
                        "history.retention.max-age=90d",
                        "history.flush-interval=250ms",
                        "history.commit-timeout=PT0.0015S",
                        "limits.ping-interval=0",
                        "limits.flood.lines-per-second=2.5",
                        "accounts.registration=before-connect",
                        "storage.database-url=jdbc:postgresql://db:5432/parley?user=p&password=hunter2",
                        "storage.database-user=parley",
                        "auth.server-password=",
                        "auth.operators=alice:op-secret",
                        "proxy.trusted=10.0.0.0/8,192.0.2.7,2001:db8::/32"))
                .load();

        String yaml = EffectiveConfigYaml.render(config);
        ParleyConfig readBack = readBack(yaml);

        assertThat(yaml).doesNotContain("&id", "*id");
        assertThat(yaml)
                .contains(
                        "ping-interval: 0\n",
                        "- 0.0.0.0:6667",
                        "- '[::1]:7000'",
                        "max-age: 90d",
                        "flush-interval: 250ms",
                        "registration: before-connect",
                        "lines-per-second: 2.5",
                        "- 10.0.0.0/8",
                        "- 192.0.2.7",
                        "password=********");
        for (ConfigKey<?> key : ConfigKeys.all()) {
            boolean masked = key.path().endsWith("password")
                    || key.path().equals("storage.database-url")
                    || key.path().equals("auth.operators");
            if (!masked) {
                assertThat(key.defaultOf().apply(readBack))
                        .as(key.path())
                        .isEqualTo(key.defaultOf().apply(config));
            }
        }
        assertThat(readBack.auth().operators()).extracting(OperatorConfig::name).containsExactly("alice");
        assertThat(readBack.auth().serverPassword()).isEmpty();
        assertThat(readBack.storage().databaseUrl())
                .hasValue("jdbc:postgresql://db:5432/parley?user=p&password=" + EffectiveConfigYaml.MASK);
    }

    @Test
    void noPasswordIsShownAndEveryKeyIsThere() {
        ParleyConfig config = ParleyConfig.defaults()
                .withAuth(new AuthConfig(
                        Optional.of(Secret.of("server-pw")),
                        "admin",
                        Secret.of("admin-pw"),
                        List.of(new OperatorConfig("alice", Secret.of("oper-pw")))))
                .withStorage(new StorageConfig(
                        Path.of("data"),
                        Optional.of("jdbc:mariadb://db/p?password=url-pw"),
                        Optional.of("parley"),
                        Optional.of(Secret.of("db-pw")),
                        4));

        String yaml = EffectiveConfigYaml.render(config);

        assertThat(yaml).doesNotContain("server-pw", "admin-pw", "oper-pw", "url-pw", "db-pw");
        assertThat(leaves(yaml)).containsExactlyElementsOf(ConfigKeys.paths());
    }

    @Test
    void durationsAreWrittenInTheirLargestWholeUnit() {
        assertThat(EffectiveConfigYaml.duration(Duration.ZERO)).isEqualTo("0");
        assertThat(EffectiveConfigYaml.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(EffectiveConfigYaml.duration(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(EffectiveConfigYaml.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(EffectiveConfigYaml.duration(Duration.ofNanos(1))).isEqualTo("PT0.000000001S");
    }

    private ParleyConfig readBack(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("effective.yaml"), yaml);
        return new ConfigLoader().file(file).load();
    }

    private static List<String> leaves(String yaml) {
        List<String> paths = new ArrayList<>();
        leaves("", new Yaml().load(yaml), paths);
        return paths;
    }

    private static void leaves(String prefix, Map<?, ?> map, List<String> paths) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> section) {
                leaves(prefix + key + ".", section, paths);
            } else {
                paths.add(prefix + key);
            }
        });
    }
}
