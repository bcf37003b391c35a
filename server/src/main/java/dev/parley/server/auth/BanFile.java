package dev.parley.server.auth;

import dev.parley.protocol.name.Mask;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code ban.txt}: one banned entry per line, which the seed wrote as bare nicknames.
 * Import lets an operator bring an old server's bans over; export writes a file the seed can still
 * read. Blocking file and store I/O: for the {@code parley bans} command or server start, never an
 * event loop.
 */
public final class BanFile {

    /** The reason given to an imported ban whose line has none. */
    public static final String DEFAULT_REASON = "Banned";

    private static final String NICK_BAN_SUFFIX = "!*@*";

    private BanFile() {}

    /**
     * Stores a ban for each entry of the file: a nick or mask, optionally followed by whitespace and
     * a reason. Blank lines and lines starting with {@code #} are skipped. Entries keep the file's
     * order (each is stamped a millisecond after the one before). Returns how many were stored.
     */
    public static int importInto(BanStore store, Path file, String setBy) throws IOException {
        Instant now = Instant.now();
        int added = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] maskAndReason = entry.split("\\s+", 2);
            String reason = maskAndReason.length > 1 ? maskAndReason[1] : DEFAULT_REASON;
            store.put(new Ban(Mask.normalize(maskAndReason[0]), reason, setBy, now.plusMillis(added)));
            added++;
        }
        return added;
    }

    /**
     * Writes every stored ban, one per line and without reasons, so the seed can read the file: a
     * {@code nick!*@*} ban as the bare nick, any other mask as it is. Replaces the file atomically
     * where the file system allows. Returns how many were written.
     */
    public static int exportFrom(BanStore store, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Ban ban : store.list()) {
            lines.add(seedEntry(ban.mask()));
        }
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
        return lines.size();
    }

    /** A nick ban as the seed wrote it (a bare nick); anything else as the full mask. */
    static String seedEntry(String mask) {
        if (!mask.endsWith(NICK_BAN_SUFFIX)) {
            return mask;
        }
        String nick = mask.substring(0, mask.length() - NICK_BAN_SUFFIX.length());
        boolean plainNick = !nick.isEmpty() && nick.chars().noneMatch(c -> c == '*' || c == '?' || c == '!' || c == '@');
        return plainNick ? nick : mask;
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
