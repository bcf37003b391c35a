package dev.parley.server.history;

import dev.parley.server.store.OwnerOnlyFiles;
import dev.parley.server.store.StoredMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * An append-only file of messages waiting for the database, in the data directory. Each record is
 * its length, its bytes and their CRC-32, so a record torn by a crash is recognised and ignored,
 * along with anything after it. Appends are forced to disk before they return. The writer thread
 * appends, trims and deletes; the store thread reads back a range the writer hands it.
 */
final class SpillFile {

    private final Path path;
    private final long maxBytes;

    SpillFile(Path path, long maxBytes) {
        this.path = path;
        this.maxBytes = maxBytes;
    }

    Path path() {
        return path;
    }

    boolean hasMessages() {
        try {
            return Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    long size() {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Appends the messages and forces them to disk. Returns how many fitted: the file stops growing
     * at {@code maxBytes}, and what does not fit is left to the caller to count as lost.
     */
    int append(List<StoredMessage> messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long room = maxBytes - size();
        int fitted = 0;
        for (StoredMessage message : messages) {
            byte[] record = record(message);
            if (bytes.size() + record.length > room) {
                break;
            }
            bytes.write(record);
            fitted++;
        }
        if (fitted == 0) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(
                path,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                OwnerOnlyFiles.fileAttributes())) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        return fitted;
    }

    /**
     * Reads the messages between the byte offsets {@code from} and {@code to} (record boundaries:
     * the size before and after appends) in order, {@code batchSize} at a time, and returns how many
     * it read; stops at a torn or corrupt record. Safe beside {@link #append} on another thread:
     * bytes before {@code to} were forced before {@code to} was known.
     */
    long forEachBatch(long from, long to, int batchSize, Consumer<List<StoredMessage>> action) throws IOException {
        if (!Files.exists(path) || from >= to) {
            return 0;
        }
        long count = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                DataInputStream in =
                        new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel.position(from))))) {
            List<StoredMessage> batch = new ArrayList<>(batchSize);
            long position = from;
            Record record;
            while (position < to && (record = next(in)) != null) {
                position += record.bytes();
                batch.add(record.message());
                count++;
                if (batch.size() == batchSize) {
                    action.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                action.accept(batch);
            }
        }
        return count;
    }

    /**
     * Cuts off a record torn by a crash (and anything after it), so that appends after a restart are
     * not hidden behind it. Call before the first append.
     */
    void trimTornTail() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        long valid = 0;
        try (InputStream file = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            Record record;
            while ((record = next(in)) != null) {
                valid += record.bytes();
            }
        }
        if (valid < Files.size(path)) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.truncate(valid);
                channel.force(false);
            }
        }
    }

    /** Removes the file once everything in it is stored. */
    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    private static byte[] record(StoredMessage m) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(payload);
        out.writeUTF(m.msgid());
        out.writeLong(m.time().toEpochMilli());
        out.writeUTF(m.historyKey());
        out.writeUTF(m.target());
        out.writeUTF(m.senderNick());
        out.writeUTF(m.senderSource());
        out.writeBoolean(m.senderAccount() != null);
        out.writeUTF(m.senderAccount() == null ? "" : m.senderAccount());
        out.writeUTF(m.command());
        out.writeUTF(m.text());
        out.writeInt(m.tags().size());
        for (Map.Entry<String, String> tag : m.tags().entrySet()) {
            out.writeUTF(tag.getKey());
            out.writeUTF(tag.getValue());
        }
        out.writeBoolean(m.senderIdentity() != null);
        out.writeUTF(m.senderIdentity() == null ? "" : m.senderIdentity());
        out.writeLong(m.position());
        out.flush();
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream framed = new ByteArrayOutputStream(body.length + 12);
        DataOutputStream frame = new DataOutputStream(framed);
        frame.writeInt(body.length);
        frame.write(body);
        frame.writeLong(crc.getValue());
        frame.flush();
        return framed.toByteArray();
    }

    /** One message read back, and how many bytes its record took in the file. */
    private record Record(StoredMessage message, int bytes) {}

    /** The next message, or null at the end of the file or at a torn record. */
    private static Record next(DataInputStream in) throws IOException {
        try {
            int length = in.readInt();
            if (length <= 0 || length > 1 << 20) {
                return null;
            }
            byte[] body = new byte[length];
            in.readFully(body);
            long expected = in.readLong();
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != expected) {
                return null;
            }
            return new Record(parse(new DataInputStream(new ByteArrayInputStream(body))), length + 12);
        } catch (EOFException e) {
            return null;
        }
    }

    private static StoredMessage parse(DataInputStream in) throws IOException {
        String msgid = in.readUTF();
        Instant time = Instant.ofEpochMilli(in.readLong());
        String key = in.readUTF();
        String target = in.readUTF();
        String nick = in.readUTF();
        String source = in.readUTF();
        boolean hasAccount = in.readBoolean();
        String account = in.readUTF();
        String command = in.readUTF();
        String text = in.readUTF();
        int tagCount = in.readInt();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagCount; i++) {
            tags.put(in.readUTF(), in.readUTF());
        }
        String identity = senderIdentity(in);
        long position = in.available() == 0 ? 0 : in.readLong();
        return new StoredMessage(
                msgid,
                time,
                key,
                target,
                nick,
                source,
                hasAccount ? account : null,
                identity,
                command,
                text,
                tags,
                position);
    }

    /**
     * The sender's identity: records spilled by a version that did not keep it end before it (then
     * null). A cluster position (0: none) follows it; older records end before that too.
     */
    private static String senderIdentity(DataInputStream in) throws IOException {
        if (in.available() == 0) {
            return null;
        }
        boolean hasIdentity = in.readBoolean();
        String identity = in.readUTF();
        return hasIdentity ? identity : null;
    }
}
