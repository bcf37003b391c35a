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
 * read. A ban's account, guest address and reason follow on a line of their own starting with
 * {@code #+} ({@code #+ account=bob address=192.0.2.7 reason=spamming links}): the seed reads that
 * line as a nick no one can have, and older Parley versions skip it as a comment. Blocking file and
 * store I/O: for the {@code parley bans} command or server start, never an event loop.
 */
public final class BanFile {

    /** The reason given to an imported ban whose line has none. */
    public static final String DEFAULT_REASON = "Banned";

    private static final String NICK_BAN_SUFFIX = "!*@*";
    private static final String DETAILS = "#+";

    private BanFile() {}

    /**
     * Stores a ban for each entry of the file: a nick or mask, optionally followed by whitespace and
     * a reason, optionally followed by a {@code #+} details line. Blank lines and other lines
     * starting with {@code #} are skipped. Entries keep the file's order (each is stamped a
     * millisecond after the one before). Returns how many were stored.
     */
    public static int importInto(BanStore store, Path file, String setBy) throws IOException {
        Instant now = Instant.now();
        List<Ban> bans = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.startsWith(DETAILS) && !bans.isEmpty()) {
                bans.set(bans.size() - 1, withDetails(bans.get(bans.size() - 1), entry.substring(DETAILS.length())));
            } else if (!entry.isEmpty() && !entry.startsWith("#")) {
                String[] maskAndReason = entry.split("\\s+", 2);
                String reason = maskAndReason.length > 1 ? maskAndReason[1] : DEFAULT_REASON;
                bans.add(new Ban(Mask.normalize(maskAndReason[0]), reason, setBy, now.plusMillis(bans.size())));
            }
        }
        bans.forEach(store::put);
        return bans.size();
    }

    /** The ban with the fields of a details line: {@code account=}, {@code address=}, then {@code reason=} to the end. */
    static Ban withDetails(Ban ban, String details) {
        String account = ban.account();
        String address = ban.address();
        String reason = ban.reason();
        String rest = details.strip();
        while (!rest.isEmpty()) {
            if (rest.startsWith("reason=")) {
                reason = rest.substring("reason=".length());
                break;
            }
            String[] fieldAndRest = rest.split("\\s+", 2);
            String field = fieldAndRest[0];
            if (field.startsWith("account=")) {
                account = field.substring("account=".length());
            } else if (field.startsWith("address=")) {
                address = field.substring("address=".length());
            }
            rest = fieldAndRest.length > 1 ? fieldAndRest[1] : "";
        }
        return new Ban(ban.mask(), account, address, reason, ban.setBy(), ban.createdAt());
    }

    /**
     * Writes every stored ban: the entry the seed reads (the bare nick, or the mask), then, if the ban
     * has more (an account, an address, a reason other than the default), a details line. Replaces the file atomically where the file system
     * allows. Returns how many bans were written.
     */
    public static int exportFrom(BanStore store, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Ban> bans = store.list();
        for (Ban ban : bans) {
            lines.add(seedEntry(ban.mask()));
            if (hasDetails(ban)) {
                lines.add(detailsLine(ban));
            }
        }
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(
                absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
        return bans.size();
    }

    /** Whether the ban holds more than the seed's line does: an account, an address or a reason of its own. */
    private static boolean hasDetails(Ban ban) {
        return ban.account() != null
                || ban.address() != null
                || ban.reason() != null
                        && !ban.reason().isEmpty()
                        && !ban.reason().equals(DEFAULT_REASON);
    }

    static String detailsLine(Ban ban) {
        StringBuilder line = new StringBuilder(DETAILS);
        if (ban.account() != null) {
            line.append(" account=").append(ban.account());
        }
        if (ban.address() != null) {
            line.append(" address=").append(ban.address());
        }
        return line.append(" reason=")
                .append(ban.reason() == null ? "" : ban.reason())
                .toString();
    }

    /** A nick ban as the seed wrote it (a bare nick); anything else as the full mask. */
    static String seedEntry(String mask) {
        if (!mask.endsWith(NICK_BAN_SUFFIX)) {
            return mask;
        }
        String nick = mask.substring(0, mask.length() - NICK_BAN_SUFFIX.length());
        boolean plainNick =
                !nick.isEmpty() && nick.chars().noneMatch(c -> c == '*' || c == '?' || c == '!' || c == '@');
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
