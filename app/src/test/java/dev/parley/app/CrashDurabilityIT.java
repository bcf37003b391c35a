package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server process in the middle of traffic. With the default durability a
 * crash loses at most the messages of the last flush interval; with {@code durability: sync}
 * nothing that anyone saw (here: the sender's echo) is lost.
 */
class CrashDurabilityIT {

    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Scheduling and the commit itself, on top of the flush interval. */
    private static final Duration COMMIT_ALLOWANCE = Duration.ofMillis(150);

    @TempDir
    Path dataDir;

    private Process process;
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void cleanUp() {
        killer.shutdownNow();
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aCrashLosesAtMostTheLastFlushInterval() throws Exception {
        Map<String, Long> echoed = chatUntilKilled("interval");
        long killedAt = killTime.get();

        Set<String> stored = storedMsgids();
        List<Long> lostAgesMillis = new ArrayList<>();
        echoed.forEach((msgid, seenAt) -> {
            if (!stored.contains(msgid)) {
                lostAgesMillis.add(TimeUnit.NANOSECONDS.toMillis(killedAt - seenAt));
            }
        });
        System.out.printf(
                "kill -9 (interval): %d messages delivered, %d stored, %d lost, lost ones delivered at most %d ms "
                        + "before the kill%n",
                echoed.size(),
                stored.size(),
                lostAgesMillis.size(),
                lostAgesMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(echoed).hasSizeGreaterThan(100);
        assertThat(stored).isSubsetOf(echoed.keySet());
        assertThat(lostAgesMillis)
                .as("how long before the kill each lost message was delivered, ms")
                .allSatisfy(age -> assertThat(age)
                        .isLessThanOrEqualTo(
                                FLUSH_INTERVAL.plus(COMMIT_ALLOWANCE).toMillis()));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void inSyncModeACrashLosesNothingThatWasDelivered() throws Exception {
        Map<String, Long> echoed = chatUntilKilled("sync");
        Set<String> stored = storedMsgids();
        System.out.printf("kill -9 (sync): %d messages delivered, %d stored%n", echoed.size(), stored.size());

        assertThat(echoed).hasSizeGreaterThan(100);
        assertThat(stored).containsAll(echoed.keySet());
    }

    private final AtomicLong killTime = new AtomicLong();

    /** Starts the server, sends messages as fast as their echoes come back, and kills it after 2 s. */
    private Map<String, Long> chatUntilKilled(String durability) throws Exception {
        process = new ProcessBuilder(ParleyProcess.command(
                        "server",
                        "--listen",
                        "127.0.0.1:0",
                        "--set",
                        "http.listen=",
                        "--data-dir",
                        dataDir.toString(),
                        "--set",
                        "limits.flood.enabled=false",
                        "--set",
                        "history.durability=" + durability,
                        "--set",
                        "history.flush-interval=" + FLUSH_INTERVAL.toMillis() + "ms"))
                .redirectErrorStream(true)
                .start();
        int port = ServerOutput.listeningPort(process);
        RawIrcClient alice = RawIrcClient.connect("127.0.0.1", port).withTimeout(Duration.ofSeconds(2));
        alice.registerWithCaps("alice", "chat@123", "echo-message", "message-tags");
        alice.join("#general");

        killer.schedule(
                () -> {
                    killTime.set(System.nanoTime());
                    process.destroyForcibly(); // SIGKILL
                },
                2,
                TimeUnit.SECONDS);
        Map<String, Long> echoed = new LinkedHashMap<>();
        try {
            for (int i = 0; process.isAlive(); i++) {
                String text = "message " + i;
                alice.send("PRIVMSG #general :" + text);
                IrcMessage echo = alice.expect(Lines.privmsgFrom("alice", "#general", text));
                echoed.put(echo.tag("msgid"), System.nanoTime());
            }
        } catch (AssertionError | RuntimeException connectionGone) {
            // the server died under us: that is the point
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return echoed;
    }

    private Set<String> storedMsgids() throws Exception {
        Set<String> ids = new HashSet<>();
        String url = "jdbc:sqlite:" + dataDir.resolve("parley.db");
        try (Connection db = DriverManager.getConnection(url);
                Statement query = db.createStatement()) {
            try (ResultSet check = query.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertThat(check.getString(1))
                        .as("the database survived the crash intact")
                        .isEqualTo("ok");
            }
            try (ResultSet rows = query.executeQuery("SELECT msgid FROM messages")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
