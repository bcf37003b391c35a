package dev.parley.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code contrib/compose.yaml} says what it means: every service has an image, Parley's
 * {@code PARLEY_*} variables are keys the server's own loader accepts (a misspelt one would be
 * refused at start), and the ports, volume, secrets and health check are the documented ones.
 */
class ComposeFileTest {

    private static final Path COMPOSE =
            Path.of(System.getProperty("parley.repo.root", "..")).resolve("contrib/compose.yaml");

    private static Map<String, Object> compose;
    private static Map<String, Object> parley;

    @BeforeAll
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(COMPOSE));
        parley = map(map(compose.get("services")).get("parley"));
    }

    @Test
    void everyServiceNamesAnImage() {
        assertThat(map(compose.get("services")))
                .isNotEmpty()
                .allSatisfy((name, service) -> assertThat(map(service).get("image"))
                        .as("image of %s", name)
                        .asString()
                        .isNotBlank());
        assertThat(parley.get("image")).isEqualTo("parley:${PARLEY_VERSION:-latest}");
    }

    @Test
    void parleyPublishesTheConventionalPortsAndKeepsItsStateInData() {
        assertThat(list(parley.get("ports"))).containsExactlyInAnyOrder("6667:6667", "6697:6697", "8080:8080");
        assertThat(list(parley.get("volumes")))
                .anySatisfy(volume -> assertThat(volume).asString().endsWith(":/data"));
        assertThat(map(compose.get("volumes"))).containsKey("parley-data");
    }

    @Test
    void theHealthCheckIsTheImagesOwnWhichAsksLivez() throws IOException {
        List<String> test = list(map(parley.get("healthcheck")).get("test"));
        assertThat(test).containsExactly("CMD", "/usr/local/bin/parley-healthcheck");
        Path script = COMPOSE.resolveSibling("../app/src/main/jib" + test.get(1));
        assertThat(Files.readString(script)).contains("/livez", "PARLEY_HTTP__LISTEN");
    }

    @Test
    void everySecretParleyReadsIsDeclaredAndItsVariableNamesTheMountedFile() {
        Map<String, Object> secrets = map(compose.get("secrets"));
        for (String secret : list(parley.get("secrets"))) {
            assertThat(secrets).containsKey(secret);
        }
        Map<String, String> environment = environment();
        environment.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_FILE"))
                .forEach(e -> assertThat(list(parley.get("secrets")))
                        .contains(e.getValue().replace("/run/secrets/", "")));
        assertThat(environment)
                .containsKeys(
                        "PARLEY_AUTH__SERVER_PASSWORD_FILE",
                        "PARLEY_AUTH__ADMIN_PASSWORD_FILE",
                        "PARLEY_STORAGE__DATABASE_PASSWORD_FILE");
        assertThat(environment.keySet()).as("passwords only as files").noneMatch(name -> name.endsWith("PASSWORD"));
    }

    @Test
    void theServersOwnLoaderAcceptsEveryVariableAndReadsWhatTheFileMeans(@TempDir Path secrets) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : environment().entrySet()) {
            String value = variable.getValue();
            if (variable.getKey().endsWith("_FILE")) { // the container's /run/secrets/..., made here
                Path file = secrets.resolve(Path.of(value).getFileName());
                Files.writeString(file, "a-long-secret-password\n");
                value = file.toString();
            }
            environment.put(variable.getKey(), value);
        }

        ParleyConfig config = new ConfigLoader().environment(environment).load();

        assertThat(config.server().listen()).containsExactly(new ListenAddress("0.0.0.0", 6667));
        assertThat(config.tls().listen()).containsExactly(new ListenAddress("0.0.0.0", 6697));
        assertThat(config.http().listen()).containsExactly(new ListenAddress("0.0.0.0", 8080));
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("/data"));
        assertThat(config.storage().databaseUrl())
                .hasValueSatisfying(url -> assertThat(url).startsWith("jdbc:mariadb://mariadb:3306/"));
        assertThat(map(map(compose.get("services")).get("mariadb"))
                        .get("environment")
                        .toString())
                .contains("MARIADB_PASSWORD_FILE=/run/secrets/db_password");
    }

    private static Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        map(parley.get("environment")).forEach((name, value) -> variables.put(name, String.valueOf(value)));
        assertThat(variables.keySet()).allMatch(name -> name.startsWith("PARLEY_") && name.contains("__"));
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
