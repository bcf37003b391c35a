package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.TlsConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the server creates in a fresh data directory, the SQLite database with its WAL and
 * shared-memory files and the self-signed TLS key and certificate, is readable by its user only:
 * files 0600, directories 0700, whatever the umask of the process.
 */
class DataFilePermissionsIT {

    @TempDir
    Path parent;

    @Test
    void filesAndDirectoriesTheServerCreatesAreOwnerOnly() throws Exception {
        Path dataDir = parent.resolve("data");
        try (TestServer server = TestServer.startIn(
                dataDir,
                c -> c.withTls(new TlsConfig(
                        List.of(new ListenAddress("127.0.0.1", 0)), Optional.empty(), Optional.empty())))) {
            RawIrcClient alice = server.user("alice");
            alice.join("#general");
            alice.send("PRIVMSG #general :hello");
            alice.send("PING :written");
            alice.expect(Lines.command("PONG"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("parley.db-wal")));

            List<Path> created;
            try (Stream<Path> walk = Files.walk(dataDir)) {
                created = walk.toList();
            }
            assertThat(created)
                    .contains(
                            dataDir.resolve("parley.db"),
                            dataDir.resolve("parley.db-wal"),
                            dataDir.resolve("parley.db-shm"),
                            dataDir.resolve("tls/parley-selfsigned.key"),
                            dataDir.resolve("tls/parley-selfsigned.crt"));
            for (Path path : created) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                        .as(path.toString())
                        .isEqualTo(expected);
            }
        }
    }
}
