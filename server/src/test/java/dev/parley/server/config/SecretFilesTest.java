package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachPasswordIsReadFromItsFileNamedByAFileVariableWithoutTheTrailingNewline() throws Exception {
        Path server = secret("server-secret\n");
        Path admin = secret("admin secret with spaces \r\n");
        Path database = secret("db-secret");

        ParleyConfig config = new ConfigLoader()
                .environment(Map.of(
                        "PARLEY_AUTH__SERVER_PASSWORD_FILE", server.toString(),
                        "PARLEY_AUTH__ADMIN_PASSWORD_FILE", admin.toString(),
                        "PARLEY_STORAGE__DATABASE_PASSWORD_FILE", database.toString()))
                .load();

        assertThat(config.auth().serverPassword().orElseThrow().matches("server-secret"))
                .isTrue();
        assertThat(config.auth().adminPassword().matches("admin secret with spaces "))
                .isTrue();
        assertThat(config.storage().databasePassword().map(Secret::reveal)).hasValue("db-secret");
        assertThat(config.auth().serverPasswordFile()).hasValue(server);
        assertThat(config.auth().adminPasswordFile()).hasValue(admin);
        assertThat(config.storage().databasePasswordFile()).hasValue(database);
        assertThat(config.auth().usesSeedDefaults()).isFalse();
    }

    @Test
    void aFileKeyInTheConfigFileWorksAndABcryptHashInTheFileIsAHash() throws Exception {
        String hash = "$2a$04$abcdefghijklmnopqrstuu5Ai4oWFKq2mbcT6yPSf4pqCzcdJaGme";
        Path admin = secret(hash + "\n");
        Path yaml = Files.writeString(dir.resolve("parley.yaml"), "auth:\n  admin-password-file: " + admin + "\n");

        ParleyConfig config = new ConfigLoader().file(yaml).load();

        assertThat(config.auth().adminPassword().isBcryptHash()).isTrue();
        assertThat(config.auth().adminPassword()).isEqualTo(Secret.of(hash));
    }

    @Test
    void aMissingFileIsAProblemNamingTheKeyAndWhereItWasSet() {
        Path missing = dir.resolve("no-such-secret");

        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("storage.database-password-file=" + missing))
                        .load())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new ConfigProblem(
                                        "storage.database-password-file",
                                        "cannot read " + missing + ": no such file",
                                        "--set")));
    }

    @Test
    void anEmptyFileIsAProblem() throws Exception {
        Path empty = secret("\n");

        assertThatThrownBy(() -> new ConfigLoader()
                        .environment(Map.of("PARLEY_AUTH__ADMIN_PASSWORD_FILE", empty.toString()))
                        .load())
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::path, ConfigProblem::message)
                                .containsExactly(tuple("auth.admin-password-file", empty + " is empty")));
    }

    @Test
    void givingAPasswordAndItsFileIsAProblemThatNeverShowsEither() throws Exception {
        Path file = secret("from-the-file\n");

        assertThatThrownBy(() -> new ConfigLoader()
                        .environment(Map.of("PARLEY_AUTH__SERVER_PASSWORD_FILE", file.toString()))
                        .flag("auth.server-password", "from-the-flag")
                        .load())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems())
                            .containsExactly(new ConfigProblem(
                                    "auth.server-password-file",
                                    "auth.server-password is set too (from command-line flag); give the password one way only",
                                    "env PARLEY_AUTH__SERVER_PASSWORD_FILE"));
                    assertThat(e.getMessage()).doesNotContain("from-the-file", "from-the-flag");
                });
    }

    @Test
    void anEmptyFileKeyMeansNoFileSoTheExampleStaysValid() throws Exception {
        ParleyConfig config = new ConfigLoader()
                .sets(List.of("auth.admin-password-file=", "auth.admin-password=x"))
                .load();

        assertThat(config.auth().adminPasswordFile()).isEqualTo(Optional.empty());
        assertThat(config.auth().adminPassword().matches("x")).isTrue();
    }

    private Path secret(String content) throws Exception {
        Path file = Files.createTempFile(dir, "secret", "");
        Files.writeString(file, content);
        return file;
    }
}
