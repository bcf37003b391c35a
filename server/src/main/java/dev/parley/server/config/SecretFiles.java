package dev.parley.server.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code *-file} keys: a password read from a file instead of written into the config, the
 * environment or the command line, where other users of the machine (ps, /proc, a shared compose
 * file) can see it. Container secrets ({@code /run/secrets/...}) and systemd credentials are such
 * files, and {@code PARLEY_AUTH__ADMIN_PASSWORD_FILE} is the {@code *_FILE} variable container
 * users expect.
 *
 * <p>Read after every other source, so the file key may come from any of them. Giving a password
 * both ways is a problem rather than one silently winning, as in the official container images'
 * {@code *_FILE} convention. Trailing line breaks are not part of the password ({@code echo} adds
 * one); a problem never shows the file's content.
 */
final class SecretFiles {

    /** A file key and the password key it fills. */
    private record Pair(ConfigKey<Optional<Path>> file, ConfigKey<?> secret) {}

    private static final List<Pair> PAIRS = List.of(
            new Pair(ConfigKeys.AUTH_SERVER_PASSWORD_FILE, ConfigKeys.AUTH_SERVER_PASSWORD),
            new Pair(ConfigKeys.AUTH_ADMIN_PASSWORD_FILE, ConfigKeys.AUTH_ADMIN_PASSWORD),
            new Pair(ConfigKeys.STORAGE_DATABASE_PASSWORD_FILE, ConfigKeys.STORAGE_DATABASE_PASSWORD));

    private SecretFiles() {}

    static void readInto(ConfigDraft draft) {
        for (Pair pair : PAIRS) {
            draft.get(pair.file()).ifPresent(path -> readInto(pair, path, draft));
        }
    }

    private static void readInto(Pair pair, Path path, ConfigDraft draft) {
        String fileSource = draft.sourceOf(pair.file()).orElse("");
        Optional<String> secretSource = draft.sourceOf(pair.secret());
        if (secretSource.isPresent()) {
            draft.problem(
                    pair.file().path(),
                    pair.secret().path() + " is set too (from " + secretSource.get()
                            + "); give the password one way only",
                    fileSource);
            return;
        }
        try {
            String secret = withoutTrailingLineBreaks(Files.readString(path, StandardCharsets.UTF_8));
            if (secret.isEmpty()) {
                draft.problem(pair.file().path(), path + " is empty", fileSource);
            } else {
                draft.apply(pair.secret().path(), secret, pair.file().path());
            }
        } catch (IOException e) {
            draft.problem(pair.file().path(), "cannot read " + path + ": " + reason(e), fileSource);
        }
    }

    static String withoutTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Why, in a few words; never an exception message that could quote the content. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
