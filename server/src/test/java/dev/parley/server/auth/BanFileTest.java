package dev.parley.server.auth;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.Ban;
import dev.parley.server.store.memory.InMemoryBanStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanFileTest {

    @TempDir
    Path dir;

    private final InMemoryBanStore store = new InMemoryBanStore();

    @Test
    void importSkipsBlankLinesAndCommentsAndNormalizesEntries() throws Exception {
        Path file = dir.resolve("ban.txt");
        Files.writeString(
                file, "# banned by the seed\nbob\n\n  eve  \r\n*@spam.example   sends spam\n", StandardCharsets.UTF_8);

        int added = BanFile.importInto(store, file, "import");

        assertThat(added).isEqualTo(3);
        assertThat(store.list()).extracting(Ban::mask).containsExactly("bob!*@*", "eve!*@*", "*!*@spam.example");
        assertThat(store.list()).extracting(Ban::reason).containsExactly("Banned", "Banned", "sends spam");
        assertThat(store.list()).extracting(Ban::setBy).containsOnly("import");
    }

    @Test
    void aSeedFileSurvivesImportAndExportUnchanged() throws Exception {
        Path seed = dir.resolve("ban.txt");
        Files.write(seed, List.of("troll", "Spammer", "zed"), StandardCharsets.UTF_8);
        BanFile.importInto(store, seed, "import");
        Path exported = dir.resolve("exported.txt");

        int written = BanFile.exportFrom(store, exported);

        assertThat(written).isEqualTo(3);
        assertThat(Files.readAllLines(exported, StandardCharsets.UTF_8)).containsExactly("troll", "Spammer", "zed");
    }

    @Test
    void exportWritesNickBansAsBareNicksAndOtherMasksWhole() throws Exception {
        store.put(new Ban("bob!*@*", "rude", "admin", at(1)));
        store.put(new Ban("*!*@spam.example", "spam", "admin", at(2)));
        store.put(new Ban("guest*!*@*", "guests", "admin", at(3)));
        store.put(new Ban("eve!~e@*", "eve", "admin", at(4)));
        Path file = dir.resolve("ban.txt");
        Files.writeString(file, "stale content\n");

        BanFile.exportFrom(store, file);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly("bob", "*!*@spam.example", "guest*!*@*", "eve!~e@*");
        InMemoryBanStore reimported = new InMemoryBanStore();
        BanFile.importInto(reimported, file, "import");
        assertThat(reimported.list())
                .extracting(Ban::mask)
                .containsExactlyElementsOf(store.list().stream().map(Ban::mask).toList());
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void exportAndImportKeepABansAccountAddressAndReason() throws Exception {
        store.put(new Ban("bob!*@*", "bob", null, "spamming links", "admin", at(1)));
        store.put(new Ban("guest!*@*", null, "192.0.2.7", "flooding", "admin", at(2)));
        Path file = dir.resolve("ban.txt");

        BanFile.exportFrom(store, file);
        InMemoryBanStore reimported = new InMemoryBanStore();
        int read = BanFile.importInto(reimported, file, "import");

        assertThat(read).isEqualTo(2);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(
                        "bob", "#+ account=bob reason=spamming links", "guest", "#+ address=192.0.2.7 reason=flooding");
        assertThat(reimported.list())
                .extracting(Ban::mask, Ban::account, Ban::address, Ban::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob!*@*", "bob", null, "spamming links"),
                        org.assertj.core.groups.Tuple.tuple("guest!*@*", null, "192.0.2.7", "flooding"));
    }

    @Test
    void aDetailsLineBeforeAnyEntryIsSkipped() throws Exception {
        Path file = dir.resolve("ban.txt");
        Files.writeString(file, "#+ account=nobody\nbob\n", StandardCharsets.UTF_8);

        BanFile.importInto(store, file, "import");

        assertThat(store.list())
                .extracting(Ban::mask, Ban::account)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob!*@*", null));
    }
}
