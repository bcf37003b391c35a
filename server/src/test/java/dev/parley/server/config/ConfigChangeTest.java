package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which keys a reload applies, which it refuses, and what is in force afterwards. */
class ConfigChangeTest {

    private static final Path EXAMPLE =
            Path.of(System.getProperty("parley.repo.root", "..")).resolve("parley.example.yaml");
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([a-z][a-z-]*):");

    /**
     * The classification, written out: a new key fails this test until someone decides whether the
     * running server can take a new value of it (and makes its component read it at use time).
     */
    private static final List<String> RELOADABLE = List.of(
            "server.motd",
            "server.insecure-defaults",
            "logging.level",
            "auth.server-password",
            "auth.server-password-file",
            "auth.admin-password",
            "auth.admin-password-file",
            "auth.operators",
            "accounts.registration",
            "accounts.min-password-length",
            "accounts.multiclient",
            "accounts.always-on",
            "history.retention.max-age",
            "history.retention.max-messages",
            "history.retention.interval",
            "limits.topic-length",
            "limits.away-length",
            "limits.kick-reason-length",
            "limits.realname-length",
            "limits.max-rooms-per-client",
            "limits.max-list-entries",
            "limits.registration-timeout",
            "limits.ping-interval",
            "limits.ping-timeout",
            "limits.flood.enabled",
            "limits.flood.burst",
            "limits.flood.lines-per-second",
            "limits.flood.exempt-operators",
            "limits.connections.max-per-ip",
            "limits.connections.throttle-connections",
            "limits.connections.throttle-window",
            "moderation.ban-guest-address");

    private static final List<String> RESTART = List.of(
            "server.name",
            "server.network",
            "server.listen",
            "http.listen",
            "http.tls",
            "http.idle-timeout",
            "http.request-timeout",
            "http.allowed-origins",
            "http.max-loopback-connections",
            "metrics.listen",
            "tls.listen",
            "tls.certificate",
            "tls.private-key",
            "logging.format",
            "auth.admin-name",
            "auth.account-login-failures",
            "auth.address-login-failures",
            "auth.password-check-threads",
            "auth.password-check-queue",
            "accounts.bcrypt-cost",
            "accounts.login-attempts",
            "accounts.login-window",
            "accounts.registrations-per-ip",
            "accounts.registration-window",
            "storage.data-dir",
            "storage.database-url",
            "storage.database-user",
            "storage.database-password",
            "storage.database-password-file",
            "storage.pool-size",
            "storage.connect-timeout",
            "storage.query-timeout",
            "history.enabled",
            "history.flush-interval",
            "history.batch-size",
            "history.queue-capacity",
            "history.max-page-size",
            "history.default-page-size",
            "history.durability",
            "history.spill-max-bytes",
            "history.commit-timeout",
            "limits.nick-length",
            "limits.room-name-length",
            "limits.send-queue-bytes",
            "limits.connections.enabled",
            "limits.connections.exempt-loopback",
            "moderation.max-rooms-per-account",
            "admin.enabled",
            "admin.listen",
            "admin.allow-remote",
            "admin.session-timeout",
            // built into the command table and the transports at start
            "limits.multiline.max-bytes",
            "limits.multiline.max-lines",
            "history.search.max-results",
            "history.search.timeout",
            "history.search.per-minute",
            "proxy.trusted",
            // the database's full-text index is built for it at start
            "history.search.language",
            // a node's place in a cluster
            "cluster.redis-url",
            "cluster.node-id",
            "cluster.key-prefix",
            "cluster.lease");

    @Test
    void everyKeyIsClassifiedOnPurpose() {
        List<String> reloadable = ConfigKeys.all().stream()
                .filter(ConfigKey::reloadable)
                .map(ConfigKey::path)
                .toList();
        List<String> restart = ConfigKeys.all().stream()
                .filter(key -> !key.reloadable())
                .map(ConfigKey::path)
                .toList();

        assertThat(reloadable).containsExactlyInAnyOrderElementsOf(RELOADABLE);
        assertThat(restart).containsExactlyInAnyOrderElementsOf(RESTART);
    }

    @Test
    void theExampleSaysOfEveryKeyWhetherItIsReloadable() throws IOException {
        Map<String, String> said = reloadNotes(Files.readAllLines(EXAMPLE));
        Map<String, String> expected = new TreeMap<>();
        ConfigKeys.all().forEach(key -> expected.put(key.path(), key.reloadable() ? "Reloadable" : "Needs a restart"));

        assertThat(said).isEqualTo(expected);
    }

    @Test
    void nothingChangedAppliesNothing() {
        ConfigChange change = ConfigChange.between(ParleyConfig.defaults(), ParleyConfig.defaults());

        assertThat(change.applied()).isEmpty();
        assertThat(change.needRestart()).isEmpty();
        assertThat(change.next()).isEqualTo(ParleyConfig.defaults());
    }

    @Test
    void reloadableKeysTakeTheNewValueAndRestartKeysKeepTheRunningOne() throws Exception {
        ParleyConfig running = ParleyConfig.defaults();
        ParleyConfig loaded = new ConfigLoader()
                .sets(List.of(
                        "server.motd=Hello again",
                        "limits.flood.burst=2",
                        "server.listen=127.0.0.1:7777",
                        "storage.database-url=jdbc:postgresql://127.0.0.1/parley"))
                .load();

        ConfigChange change = ConfigChange.between(running, loaded);

        assertThat(change.applied()).containsExactly(ConfigKeys.SERVER_MOTD, ConfigKeys.FLOOD_BURST);
        assertThat(change.needRestart()).containsExactly(ConfigKeys.SERVER_LISTEN, ConfigKeys.STORAGE_DATABASE_URL);
        assertThat(change.next().server().motd()).containsExactly("Hello again");
        assertThat(change.next().limits().flood().burst()).isEqualTo(2);
        assertThat(change.next().server().listen()).isEqualTo(running.server().listen());
        assertThat(change.next().storage().databaseUrl()).isEmpty();
        assertThat(change.restartLines())
                .containsExactly(
                        "server.listen changed: needs a restart; the running value stays",
                        "storage.database-url changed: needs a restart; the running value stays");
        assertThat(change.problems()).isEmpty();
    }

    @Test
    void aChangedPasswordIsNamedNeverShown() throws Exception {
        ParleyConfig loaded = new ConfigLoader()
                .sets(List.of("auth.server-password=sesame-42", "auth.operators=ops:hunter2-hunter2"))
                .load();

        ConfigChange change = ConfigChange.between(ParleyConfig.defaults(), loaded);

        assertThat(change.applied()).containsExactly(ConfigKeys.AUTH_SERVER_PASSWORD, ConfigKeys.AUTH_OPERATORS);
        assertThat(change.toString()).doesNotContain("sesame-42").doesNotContain("hunter2");
        assertThat(change.next().auth().serverPassword().orElseThrow().matches("sesame-42"))
                .isTrue();
    }

    @Test
    void aRuleBrokenOnlyByTheMixIsAProblem() throws Exception {
        // The admin name is restart-only: an operator entry with the running admin's name is refused.
        ParleyConfig running = ParleyConfig.defaults();
        ParleyConfig loaded = new ConfigLoader()
                .sets(List.of("auth.admin-name=boss", "auth.operators=admin:a-long-password"))
                .load();

        ConfigChange change = ConfigChange.between(running, loaded);

        assertThat(change.problems()).extracting(ConfigProblem::path).containsExactly("auth.operators");
    }

    @Test
    void theSeedsPasswordsOnAnExposedListenerAreRefusedAtReloadAsAtStart() throws Exception {
        ParleyConfig running = new ConfigLoader()
                .sets(List.of(
                        "server.listen=0.0.0.0:6667",
                        "auth.server-password=s3cret-enough",
                        "auth.admin-password=an-admin-s3cret"))
                .load();
        ParleyConfig loaded =
                new ConfigLoader().sets(List.of("server.listen=0.0.0.0:6667")).load();

        assertThat(ProtectedMode.refusal(running)).isEmpty();
        assertThat(ConfigChange.between(running, loaded).problems()).isNotEmpty();
    }

    @Test
    void anInvalidSourceLeavesTheRunningConfigurationWhole() {
        ParleyConfig before = ParleyConfig.defaults();
        LiveConfig live = new LiveConfig(before);
        ConfigReloader reloader = new ConfigReloader(
                live,
                () -> new ConfigLoader()
                        .sets(List.of("server.motd=New", "limits.flood.burst=-1"))
                        .load());

        ConfigReloader.Outcome outcome = reloader.reload();

        assertThat(outcome).isInstanceOf(ConfigReloader.Outcome.Invalid.class);
        assertThat(((ConfigReloader.Outcome.Invalid) outcome).problems())
                .extracting(ConfigProblem::path)
                .containsExactly("limits.flood.burst");
        assertThat(live.get()).isSameAs(before);
    }

    @Test
    void aValidSourceIsPutInForceInOneSwap() {
        ParleyConfig before = ParleyConfig.defaults();
        LiveConfig live = new LiveConfig(before);
        ConfigReloader reloader = new ConfigReloader(
                live,
                () -> new ConfigLoader()
                        .sets(List.of("server.motd=New", "server.name=other"))
                        .load());

        ConfigReloader.Outcome outcome = reloader.reload();

        assertThat(outcome).isInstanceOf(ConfigReloader.Outcome.Applied.class);
        assertThat(live.get().server().motd()).containsExactly("New");
        assertThat(live.get().server().name()).isEqualTo(before.server().name());
        assertThat(((ConfigReloader.Outcome.Applied) outcome).change().needRestart())
                .containsExactly(ConfigKeys.SERVER_NAME);
    }

    /** For each key in the example, the reload note in the comment block above it. */
    private static Map<String, String> reloadNotes(List<String> lines) {
        Map<String, String> notes = new TreeMap<>();
        List<String[]> stack = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY_LINE.matcher(lines.get(i));
            if (!key.find()) {
                continue;
            }
            int indent = key.group(1).length();
            while (!stack.isEmpty() && Integer.parseInt(stack.get(stack.size() - 1)[0]) >= indent) {
                stack.remove(stack.size() - 1);
            }
            StringBuilder path = new StringBuilder();
            stack.forEach(s -> path.append(s[1]).append('.'));
            path.append(key.group(2));
            stack.add(new String[] {String.valueOf(indent), key.group(2)});
            if (ConfigKeys.byPath(path.toString()).isPresent()) {
                notes.put(path.toString(), noteAbove(lines, i));
            }
        }
        return notes;
    }

    private static String noteAbove(List<String> lines, int keyLine) {
        for (int i = keyLine - 1; i >= 0 && lines.get(i).trim().startsWith("#"); i--) {
            String comment = lines.get(i).trim();
            if (comment.startsWith("# Reloadable")) {
                return "Reloadable";
            }
            if (comment.startsWith("# Needs a restart")) {
                return "Needs a restart";
            }
        }
        return "(no note)";
    }
}
