package dev.parley.server.info;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The HELP texts, read once from {@code help.txt} beside this class: one topic per command. */
public final class HelpTopics {

    public static final String INDEX = "INDEX";

    private final Map<String, List<String>> topics;

    private HelpTopics(Map<String, List<String>> topics) {
        this.topics = topics;
    }

    public static HelpTopics load() {
        try (InputStream in = HelpTopics.class.getResourceAsStream("help.txt")) {
            if (in == null) {
                throw new IllegalStateException("help.txt is missing from the jar");
            }
            return new HelpTopics(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        List<String> current = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                topics.put(line.substring(3).trim(), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line);
            }
        }
        return topics;
    }

    public Optional<List<String>> find(String topic) {
        return Optional.ofNullable(topics.get(topic.toUpperCase(Locale.ROOT)));
    }
}
