import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Adds to a docker-archive image tarball (what Jib's buildTar writes, what `docker load` reads) what
 * Jib cannot put in an image: a HEALTHCHECK (Jib has no such setting), and a directory owned by the
 * non-root user the image runs as (Jib makes every file root's; an empty named volume takes the owner
 * of the image's directory, so without this the server could not write its data).
 *
 * <pre>java tools/FinishImage.java IMAGE.tar --owned-dir=/data --owner=10001:10001 --healthcheck=CMD</pre>
 *
 * The health check runs CMD (exec form, no shell) every 30 s with a 5 s timeout; three failures in a
 * row make the container unhealthy; failures in its first 60 s (the JVM starting, a migration) do not
 * count. The directory comes as one small layer of its own, appended with its diff id and a history
 * entry, so the image stays valid for Docker, Podman and containerd. JDK only: the build runs this
 * as a single-file program, the app module's image profile.
 */
public final class FinishImage {

    private static final int BLOCK = 512;
    private static final String MARKER = "tools/FinishImage.java";
    private static final long SECOND_NANOS = 1_000_000_000L;

    private FinishImage() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path image = Path.of(args[0]);
        String dir = options.get("owned-dir").replaceAll("^/+|/+$", "");
        String[] owner = options.get("owner").split(":");
        byte[] layer = directoryLayer(dir, Integer.parseInt(owner[0]), Integer.parseInt(owner[1]));
        String diffId = "sha256:" + sha256(layer);

        Map<String, byte[]> json = jsonEntries(image);
        String manifest = text(json, "manifest.json");
        String configName = stringValue(manifest, valueOf(manifest, "Config", manifest.indexOf('{')));
        String config = text(json, configName);
        if (config.contains(MARKER)) {
            System.out.println(image + " is finished already");
            return;
        }
        String layerName = diffId.substring("sha256:".length()) + ".tar";
        Map<String, byte[]> replaced = new HashMap<>();
        replaced.put("manifest.json", utf8(appendToArray(manifest, manifest.indexOf('{'), "Layers", quote(layerName))));
        replaced.put(configName, utf8(finishConfig(config, options.get("healthcheck"), diffId, options.get("owned-dir"),
                options.get("owner"))));
        rewrite(image, replaced, layerName, layer);
        System.out.println(image + ": HEALTHCHECK " + options.get("healthcheck") + ", " + options.get("owned-dir")
                + " owned by " + options.get("owner"));
    }

    private static Map<String, String> options(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: FinishImage IMAGE.tar --owned-dir=DIR --owner=UID:GID --healthcheck=CMD");
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        for (String name : new String[] {"owned-dir", "owner", "healthcheck"}) {
            if (!options.containsKey(name) || options.get(name).isEmpty()) {
                throw new IllegalArgumentException("--" + name + " is missing");
            }
        }
        return options;
    }

    private static String finishConfig(String config, String healthcheck, String diffId, String dir, String owner) {
        long interval = 30 * SECOND_NANOS;
        String check = "\"Healthcheck\":{\"Test\":[\"CMD\"," + quote(healthcheck) + "],\"Interval\":" + interval
                + ",\"Timeout\":" + 5 * SECOND_NANOS + ",\"StartPeriod\":" + 60 * SECOND_NANOS + ",\"Retries\":3}";
        int containerConfig = valueOf(config, "config", 0);
        if (valueOfOrMinus(config, "Healthcheck", containerConfig) >= 0) {
            throw new IllegalStateException("the image has a HEALTHCHECK already (from its base?)");
        }
        boolean empty = config.charAt(containerConfig + 1) == '}';
        config = insert(config, containerConfig + 1, check + (empty ? "" : ","));
        config = appendToArray(config, valueOf(config, "rootfs", 0), "diff_ids", quote(diffId));
        if (valueOfOrMinus(config, "history", 0) >= 0) {
            String history = "{\"created\":\"1970-01-01T00:00:01Z\",\"created_by\":" + quote(MARKER)
                    + ",\"comment\":" + quote(dir + " owned by " + owner + "; HEALTHCHECK " + healthcheck) + "}";
            config = appendToArray(config, 0, "history", history);
        }
        return config;
    }

    // --- JSON, just enough to find a key's value and add to an array, keeping the rest as it is

    /** Where the value of {@code key} (case-insensitive, as Docker reads it) in the object at {@code object} starts. */
    static int valueOf(String json, String key, int object) {
        int value = valueOfOrMinus(json, key, object);
        if (value < 0) {
            throw new IllegalStateException("no \"" + key + "\" in " + json.substring(object, Math.min(json.length(), object + 200)));
        }
        return value;
    }

    private static int valueOfOrMinus(String json, String key, int object) {
        int depth = 0;
        for (int i = object; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                int colon = skipSpace(json, end + 1);
                if (depth == 1 && json.charAt(colon) == ':' && json.substring(i + 1, end).equalsIgnoreCase(key)) {
                    return skipSpace(json, colon + 1);
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return -1;
            }
        }
        return -1;
    }

    private static String appendToArray(String json, int object, String key, String element) {
        int array = valueOf(json, key, object);
        int close = endOfValue(json, array) - 1;
        boolean empty = json.substring(array + 1, close).isBlank();
        return insert(json, close, (empty ? "" : ",") + element);
    }

    private static int endOfValue(String json, int start) {
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                i = endOfString(json, i);
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("unterminated JSON value at " + start);
    }

    private static int endOfString(String json, int quote) {
        for (int i = quote + 1; i < json.length(); i++) {
            if (json.charAt(i) == '\\') {
                i++;
            } else if (json.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated JSON string at " + quote);
    }

    private static String stringValue(String json, int start) {
        return json.substring(start + 1, endOfString(json, start));
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String insert(String json, int at, String text) {
        return json.substring(0, at) + text + json.substring(at);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    // --- tar (ustar), the format of the archive and of its layers

    /** The archive's small JSON entries (manifest, config), read whole. */
    private static Map<String, byte[]> jsonEntries(Path image) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(image)) {
            byte[] header;
            while ((header = readHeader(in)) != null) {
                long size = size(header);
                if (name(header).endsWith(".json") && size < 16 << 20) {
                    entries.put(name(header), in.readNBytes((int) size));
                    in.skipNBytes(padding(size));
                } else {
                    in.skipNBytes(size + padding(size));
                }
            }
        }
        return entries;
    }

    /** Copies the archive with the replaced entries' new content, then appends the layer. */
    private static void rewrite(Path image, Map<String, byte[]> replaced, String layerName, byte[] layer)
            throws IOException {
        Path temporary = image.resolveSibling(image.getFileName() + ".finishing");
        try (InputStream in = Files.newInputStream(image);
                OutputStream out = Files.newOutputStream(temporary)) {
            byte[] header;
            while ((header = readHeader(in)) != null) {
                long size = size(header);
                byte[] content = replaced.get(name(header));
                if (content == null) {
                    out.write(header);
                    copy(in, out, size + padding(size));
                } else {
                    in.skipNBytes(size + padding(size));
                    writeEntry(out, withSize(header, content.length), content);
                }
            }
            writeEntry(out, fileHeader(layerName, layer.length), layer);
            out.write(new byte[2 * BLOCK]);
        }
        Files.move(temporary, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A layer holding one directory, {@code dir/}, mode 0750, owned by uid:gid. */
    private static byte[] directoryLayer(String dir, int uid, int gid) {
        byte[] header = header(dir + "/", 0750, uid, gid, 0, '5');
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        layer.writeBytes(header);
        layer.writeBytes(new byte[2 * BLOCK]);
        return layer.toByteArray();
    }

    private static byte[] fileHeader(String name, long size) {
        return header(name, 0644, 0, 0, size, '0');
    }

    private static byte[] header(String name, int mode, int uid, int gid, long size, char type) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("name longer than 100 bytes: " + name);
        }
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, uid);
        octal(header, 116, 8, gid);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 1); // 1970-01-01T00:00:01Z, Jib's time for reproducible layers
        header[156] = (byte) type;
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
        return withChecksum(header);
    }

    private static byte[] withSize(byte[] header, long size) {
        byte[] copy = header.clone();
        octal(copy, 124, 12, size);
        return withChecksum(copy);
    }

    private static byte[] withChecksum(byte[] header) {
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        String digits = String.format(Locale.ROOT, "%06o", sum);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, header, 148, 6);
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = String.format(Locale.ROOT, "%0" + (length - 1) + "o", value);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }

    private static void writeEntry(OutputStream out, byte[] header, byte[] content) throws IOException {
        out.write(header);
        out.write(content);
        out.write(new byte[(int) padding(content.length)]);
    }

    /** The next header, or null at the end (a zero block or the end of the file). */
    private static byte[] readHeader(InputStream in) throws IOException {
        byte[] header = in.readNBytes(BLOCK);
        if (header.length < BLOCK || isZero(header)) {
            return null;
        }
        return header;
    }

    private static String name(byte[] header) {
        String name = field(header, 0, 100);
        String magic = field(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            throw new IllegalStateException("base-256 sizes (entries over 8 GiB) are not supported");
        }
        String digits = field(header, 124, 12).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("archive ends inside an entry");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static String text(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new IllegalStateException("no " + name + " in the archive: not a docker-archive image?");
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
