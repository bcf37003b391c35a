package dev.parley.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.StoredMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spill file keeps who sent a message, and still reads records spilled before it did. */
class SpillFileTest {

    @TempDir
    Path dir;

    private static final StoredMessage FROM_A_GUEST = new StoredMessage(
            "m1",
            Instant.ofEpochMilli(1_000),
            "!AbCdEfGhIjKlMnOpQrStUv ~bob",
            "bob",
            "alice",
            "alice!a@h",
            null,
            "!AbCdEfGhIjKlMnOpQrStUv",
            "PRIVMSG",
            "hello",
            Map.of("+draft/reply", "x"));

    @Test
    void aMessageComesBackWithItsSenderIdentity() throws IOException {
        SpillFile spill = new SpillFile(dir.resolve("spill"), 1 << 20);
        StoredMessage fromAnAccount = new StoredMessage(
                "m2",
                Instant.ofEpochMilli(2_000),
                "#general",
                "#general",
                "bob",
                "bob!b@h",
                "Bob",
                "~bob",
                "NOTICE",
                "hi",
                Map.of());

        assertThat(spill.append(List.of(FROM_A_GUEST, fromAnAccount))).isEqualTo(2);

        assertThat(readAll(spill)).containsExactly(FROM_A_GUEST, fromAnAccount);
    }

    @Test
    void aRecordSpilledBeforeSenderIdentitiesWereKeptReadsWithoutOne() throws IOException {
        Path path = dir.resolve("spill");
        Files.write(path, recordWithoutIdentity(FROM_A_GUEST));

        assertThat(readAll(new SpillFile(path, 1 << 20)))
                .containsExactly(new StoredMessage(
                        FROM_A_GUEST.msgid(),
                        FROM_A_GUEST.time(),
                        FROM_A_GUEST.historyKey(),
                        FROM_A_GUEST.target(),
                        FROM_A_GUEST.senderNick(),
                        FROM_A_GUEST.senderSource(),
                        null,
                        null,
                        FROM_A_GUEST.command(),
                        FROM_A_GUEST.text(),
                        FROM_A_GUEST.tags()));
    }

    private static List<StoredMessage> readAll(SpillFile spill) throws IOException {
        List<StoredMessage> read = new ArrayList<>();
        spill.forEachBatch(0, spill.size(), 10, read::addAll);
        return read;
    }

    /** A record as the previous version framed it: the same fields up to the tags, nothing after. */
    private static byte[] recordWithoutIdentity(StoredMessage m) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeUTF(m.msgid());
        out.writeLong(m.time().toEpochMilli());
        out.writeUTF(m.historyKey());
        out.writeUTF(m.target());
        out.writeUTF(m.senderNick());
        out.writeUTF(m.senderSource());
        out.writeBoolean(false);
        out.writeUTF("");
        out.writeUTF(m.command());
        out.writeUTF(m.text());
        out.writeInt(m.tags().size());
        for (Map.Entry<String, String> tag : m.tags().entrySet()) {
            out.writeUTF(tag.getKey());
            out.writeUTF(tag.getValue());
        }
        out.flush();
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        DataOutputStream frame = new DataOutputStream(framed);
        frame.writeInt(body.length);
        frame.write(body);
        frame.writeLong(crc.getValue());
        frame.flush();
        return framed.toByteArray();
    }
}
