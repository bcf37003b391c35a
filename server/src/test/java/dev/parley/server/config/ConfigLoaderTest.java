package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noSourcesGiveTheDefaults() throws Exception {
        assertThat(new ConfigLoader().load()).isEqualTo(ParleyConfig.defaults());
    }

    @Test
    void laterSourcesWinFileThenEnvironmentThenSetThenFlags() throws Exception {
        Path file = yaml("""
                server:
                  listen: [127.0.0.1:7000]
                storage:
                  pool-size: 7
                limits:
                  nick-length: 20
                  flood:
                    burst: 10
                """);

        ParleyConfig config = new ConfigLoader()
                .flag("server.listen", List.of("0.0.0.0:6667", "[::]:6667"))
                .sets(List.of("limits.flood.burst=12"))
                .environment(Map.of("PARLEY_LIMITS__FLOOD__BURST", "11", "PARLEY_LIMITS__NICK_LENGTH", "21"))
                .file(file)
                .load();

        assertThat(config.storage().poolSize()).isEqualTo(7);
        assertThat(config.limits().nickLength()).isEqualTo(21);
        assertThat(config.limits().flood().burst()).isEqualTo(12);
        assertThat(config.server().listen())
                .containsExactly(new ListenAddress("0.0.0.0", 6667), new ListenAddress("::", 6667));
        assertThat(config.limits().flood().linesPerSecond())
                .isEqualTo(FloodConfig.defaults().linesPerSecond());
    }

    @Test
    void everyProblemFromEverySourceIsReportedAtOnceWithItsKeyPath() throws IOException {
        Path file = yaml("""
                server:
                  listen: [127.0.0.1:70000]
                limits:
                  nick-length: 5
                  send-queue-bytes: -1
                  flod:
                    burst: 3
                """);
        ConfigLoader loader = new ConfigLoader()
                .file(file)
                .environment(Map.of("PARLEY_HISTORY__FLUSH_INTERVAL", "soon"))
                .sets(List.of("limits.flood.enabled=maybe"));

        assertThatThrownBy(loader::load)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::path)
                                .containsExactlyInAnyOrder(
                                        "server.listen",
                                        "limits.nick-length",
                                        "limits.send-queue-bytes",
                                        "limits.flod.burst",
                                        "history.flush-interval",
                                        "limits.flood.enabled"))
                .hasMessageContaining("limits.nick-length: must be at least 9, got 5")
                .hasMessageContaining("limits.flod.burst: unknown key — did you mean limits.flood.burst?")
                .hasMessageContaining("(from env PARLEY_HISTORY__FLUSH_INTERVAL)")
                .hasMessageContaining("port out of range: 70000");
    }

    @ParameterizedTest
    @CsvSource({"100ms, PT0.1S", "60s, PT60S", "10m, PT10M", "2h, PT2H", "1d, PT24H", "PT1M30S, PT1M30S", "0, PT0S"})
    void durationsAcceptShortUnitsAndIso8601(String text, String expected) throws Exception {
        ParleyConfig config =
                new ConfigLoader().sets(List.of("limits.ping-interval=" + text)).load();

        assertThat(config.limits().pingInterval()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aDurationWithoutUnitIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("limits.ping-timeout=60"))
                        .load())
                .hasMessageContaining("limits.ping-timeout: expected a duration like 100ms");
    }

    @ParameterizedTest
    @CsvSource({"96KiB, 98304", "98304, 98304", "1MiB, 1048576", "0, 0", "512B, 512"})
    void sizesAcceptBytesAndBinaryUnits(String text, int expected) throws Exception {
        ParleyConfig config = new ConfigLoader()
                .sets(List.of("limits.send-queue-bytes=" + text))
                .load();

        assertThat(config.limits().sendQueueBytes()).isEqualTo(expected);
    }

    @Test
    void sizesTooLargeForTheLimitAreReported() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("limits.send-queue-bytes=4GiB"))
                        .load())
                .hasMessageContaining("limits.send-queue-bytes: must be at most");
    }

    @Test
    void anUnquotedOnOrOffIsTheChoiceNotABoolean() throws Exception {
        // YAML 1.1 reads a bare off/on as a boolean; the user meant the choice.
        Path off = yaml("""
                http:
                  tls: off
                """);
        assertThat(new ConfigLoader().file(off).load().http().tls()).isEqualTo(HttpConfig.Tls.OFF);

        Path on = yaml("""
                http:
                  tls: on
                """);
        assertThat(new ConfigLoader().file(on).load().http().tls()).isEqualTo(HttpConfig.Tls.ON);
    }

    @Test
    void anEmptyServerPasswordMeansNoneIsAsked() throws Exception {
        Path file = yaml("""
                auth:
                  server-password: ""
                """);

        assertThat(new ConfigLoader().file(file).load().auth().serverPassword()).isEmpty();
    }

    @Test
    void operatorsComeAsYamlMapsOrAsNamePasswordText() throws Exception {
        Path file = yaml("""
                auth:
                  operators:
                    - name: alice
                      password: wonder
                """);

        assertThat(new ConfigLoader().file(file).load().auth().operators())
                .containsExactly(new OperatorConfig("alice", Secret.of("wonder")));
        assertThat(new ConfigLoader()
                        .environment(Map.of("PARLEY_AUTH__OPERATORS", "bob:pw1,carol:pw:2"))
                        .load()
                        .auth()
                        .operators())
                .containsExactly(
                        new OperatorConfig("bob", Secret.of("pw1")), new OperatorConfig("carol", Secret.of("pw:2")));
    }

    @Test
    void badOperatorEntriesAreAllNamedWithoutRepeatingPasswords() throws IOException {
        Path file = yaml("""
                auth:
                  operators:
                    - password: hunter2
                    - name: bob
                      pasword: hunter3
                    - name: admin
                      password: x
                """);

        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .hasMessageContaining("auth.operators: entry 1 needs a name; entry 2 has unknown key 'pasword'")
                .message()
                .doesNotContain("hunter2")
                .doesNotContain("hunter3");
    }

    @Test
    void theAdminCannotAlsoBeListedAsAnOperator() throws IOException {
        Path file = yaml("""
                auth:
                  operators:
                    - name: Admin
                      password: x
                """);

        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .hasMessageContaining("auth.operators: 'Admin' is the admin");
    }

    @Test
    void listsGivenAsTextAreSplit() throws Exception {
        ParleyConfig config = new ConfigLoader()
                .environment(Map.of("PARLEY_SERVER__LISTEN", "127.0.0.1:1, 127.0.0.1:2", "PARLEY_SERVER__MOTD", "a\nb"))
                .load();

        assertThat(config.server().listen())
                .containsExactly(new ListenAddress("127.0.0.1", 1), new ListenAddress("127.0.0.1", 2));
        assertThat(config.server().motd()).containsExactly("a", "b");
    }

    @Test
    void otherParleyVariablesAreIgnoredButConfigShapedTyposAreNot() {
        ConfigLoader loader =
                new ConfigLoader().environment(Map.of("PARLEY_JAVA_OPTS", "-Xmx1g", "PARLEY_LIMITS__FLOOD_BURST", "3"));

        assertThatThrownBy(loader::load)
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageContaining("limits.flood-burst: unknown key — did you mean limits.flood.burst?");
    }

    @Test
    void aMistypedSectionIsSuggestedAndASectionIsNotAKey() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("limits.flod=1", "limits.connections=2"))
                        .load())
                .hasMessageContaining("limits.flod: unknown key — did you mean limits.flood?")
                .hasMessageContaining("limits.connections: is a section, not a key; set one of"
                        + " limits.connections.enabled, limits.connections.max-per-ip");
    }

    @Test
    void aSetWithoutKeyIsReportedWithoutEchoingIt() {
        assertThatThrownBy(() -> new ConfigLoader().sets(List.of("s3cret")).load())
                .hasMessageContaining("expected key.path=value")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void aSectionGivenAValueIsReported() throws IOException {
        Path file = yaml("limits:\n  flood: 5\n");

        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .hasMessageContaining("limits.flood: is a section");
    }

    @Test
    void invalidYamlAndDuplicateKeysAreReported() throws IOException {
        Path broken = yaml("server:\n  name: a\n  name: b\n");

        assertThatThrownBy(() -> new ConfigLoader().file(broken).load())
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aMissingFileIsAProblemNotASilentDefault() {
        assertThatThrownBy(
                        () -> new ConfigLoader().file(dir.resolve("nope.yaml")).load())
                .hasMessageContaining("cannot read");
    }

    @Test
    void theDefaultPageSizeMayNotExceedTheMaximum() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("history.max-page-size=10", "history.default-page-size=20"))
                        .load())
                .hasMessageContaining("history.default-page-size: must not exceed history.max-page-size (10), got 20");
    }

    @Test
    void aDatabaseUrlMustBeJdbcAndEmptyMeansSqlite() throws Exception {
        assertThat(new ConfigLoader()
                        .sets(List.of("storage.database-url="))
                        .load()
                        .storage()
                        .databaseUrl())
                .isEqualTo(Optional.empty());
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("storage.database-url=postgres://x"))
                        .load())
                .hasMessageContaining("storage.database-url: must be a JDBC URL");
    }

    @Test
    void booleanFlagsAndSetsAreAccepted() throws Exception {
        ParleyConfig config = new ConfigLoader()
                .sets(List.of("limits.flood.enabled=false"))
                .flag("server.insecure-defaults", true)
                .load();

        assertThat(config.limits().flood().enabled()).isFalse();
        assertThat(config.server().insecureDefaults()).isTrue();
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("parley.yaml"), text);
    }
}
