package dev.parley.server.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body: what the console's
 * {@code URLSearchParams} send, and what {@code curl -d} sends.
 */
final class FormFields {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f\\u2028\\u2029]");

    private final Map<String, String> fields;

    private FormFields(Map<String, String> fields) {
        this.fields = fields;
    }

    static FormFields parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return new FormFields(fields);
    }

    /**
     * A field's value, blank ones absent, with line breaks and other control characters made
     * spaces: the value may end up in an IRC line (a KICK reason, a topic) or a log line, where a
     * line break would start a line of the sender's choosing.
     */
    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name))
                .map(FormFields::oneLine)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    private static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ");
    }

    /** A field's value as sent (passwords keep their spaces), or empty. */
    Optional<String> exact(String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isEmpty());
    }

    boolean flag(String name) {
        return get(name)
                .map(value -> value.equals("true") || value.equals("on") || value.equals("1"))
                .orElse(false);
    }

    /** Percent-decoding; a broken escape ({@code %zz}) leaves the text as it is rather than failing the request. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return text;
        }
    }
}
