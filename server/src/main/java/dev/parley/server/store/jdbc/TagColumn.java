package dev.parley.server.store.jdbc;

import dev.parley.protocol.TagValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client tags in one text column, written as on the wire ({@code +draft/reply=abc;+typing}) so an
 * operator reading the table sees familiar syntax and the values reuse IRCv3 escaping.
 */
final class TagColumn {

    private TagColumn() {}

    static String write(Map<String, String> tags) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(tags).forEach((key, value) -> {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(key);
            if (value != null && !value.isEmpty()) {
                out.append('=').append(TagValues.escape(value));
            }
        });
        return out.toString();
    }

    static Map<String, String> read(String column) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (column == null || column.isEmpty()) {
            return tags;
        }
        for (String item : column.split(";")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                tags.put(item, "");
            } else {
                tags.put(item.substring(0, eq), TagValues.unescape(item.substring(eq + 1)));
            }
        }
        return tags;
    }
}
