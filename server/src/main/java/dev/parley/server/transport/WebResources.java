package dev.parley.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The browser client's files, all read from the classpath folder {@code web/} when the listener is
 * made, and kept in an immutable map: a request can only pick one of them, never add an entry, and
 * a path without a file costs one lookup, not a class-path search on the event loop. (Caching each
 * requested path, as an earlier version did, let distinct 404s fill the heap.) Each file has an
 * entity tag, so a browser revalidates with {@code If-None-Match} and gets {@code 304} without the
 * body when nothing changed.
 */
final class WebResources {

    private static final String FOLDER = "web";
    /** A file every build has; where it is tells whether the folder is in a jar or a directory. */
    private static final String MARKER = FOLDER + "/index.html";

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

    /** By request path ({@code /js/main.js}); fixed once made. */
    private final Map<String, File> files;

    WebResources() {
        this.files = Map.copyOf(readFolder());
    }

    /** The file for a request path (a folder's, such as {@code /}, is its {@code index.html}); empty when there is none. */
    Optional<File> find(String path) {
        return Optional.ofNullable(files.get(path.endsWith("/") ? path + "index.html" : path));
    }

    /** How many files are kept in memory: those in the folder, whatever was asked for. */
    int cached() {
        return files.size();
    }

    private static Map<String, File> readFolder() {
        URL marker = WebResources.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("the browser client's files (" + MARKER + ") are not on the class path");
        }
        try {
            return marker.getProtocol().equals("jar")
                    ? fromJar(marker)
                    : fromDirectory(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the browser client's files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable location of the browser client's files: " + marker, e);
        }
    }

    private static Map<String, File> fromJar(URL marker) throws IOException {
        URLConnection connection = marker.openConnection();
        connection.setUseCaches(false);
        Map<String, File> found = new HashMap<>();
        try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(FOLDER + "/")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        String path = entry.getName().substring(FOLDER.length());
                        found.put(path, file(path, in.readAllBytes()));
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, File> fromDirectory(Path folder) throws IOException {
        Map<String, File> found = new HashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String path = "/" + folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                found.put(path, file(path, Files.readAllBytes(file)));
            }
        }
        return found;
    }

    private static File file(String path, byte[] bytes) {
        return new File(bytes, typeOf(path), etagOf(bytes));
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
