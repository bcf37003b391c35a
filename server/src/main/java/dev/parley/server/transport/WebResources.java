package dev.parley.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The browser client's files, read from the classpath folder {@code web/} and kept in memory once
 * read (they never change while the server runs). Each has an entity tag, so a browser revalidates
 * with {@code If-None-Match} and gets {@code 304} without the body when nothing changed. Paths are checked before any lookup: only plain
 * names made of letters, digits, '-', '_' and '.', in folders, never {@code ..}.
 */
final class WebResources {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "webmanifest", "application/manifest+json");

    /** A file to serve, with its entity tag (a hash of its bytes) for conditional requests. */
    record File(byte[] bytes, String contentType, String etag) {}

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /** The file for a request path ({@code /} is {@code /index.html}); empty when there is none. */
    Optional<File> find(String path) {
        String wanted = path.equals("/") ? "/index.html" : path;
        if (!SAFE_PATH.matcher(wanted).matches() || wanted.contains("..")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(wanted, WebResources::load);
    }

    private static Optional<File> load(String path) {
        try (InputStream in = WebResources.class.getClassLoader().getResourceAsStream("web" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, typeOf(path), etagOf(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the web file " + path, e);
        }
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String typeOf(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
