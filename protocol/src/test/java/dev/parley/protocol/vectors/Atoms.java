package dev.parley.protocol.vectors;

import dev.parley.protocol.IrcMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code atoms} mapping of a message vector as an {@link IrcMessage}: absent tags and params are
 * empty, an absent source is {@code null}, as the vector files define.
 */
final class Atoms {

    private Atoms() {}

    @SuppressWarnings("unchecked")
    static IrcMessage toMessage(Map<String, Object> atoms) {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Object> rawTags = (Map<String, Object>) atoms.getOrDefault("tags", Map.of());
        rawTags.forEach((key, value) -> tags.put(key, value == null ? "" : value.toString()));
        List<String> params = (List<String>) atoms.getOrDefault("params", List.of());
        return new IrcMessage(tags, (String) atoms.get("source"), (String) atoms.get("verb"), params);
    }
}
