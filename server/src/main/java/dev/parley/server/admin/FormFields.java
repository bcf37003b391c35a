package dev.parley.server.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body: what the console's
 * {@code URLSearchParams} send, and what {@code curl -d} sends.
 */
final class FormFields {

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

    /** A field's value, blank ones absent. */
    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A field's value as sent (passwords keep their spaces), or empty. */
    Optional<String> exact(String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isEmpty());
    }

    boolean flag(String name) {
        return get(name).map(value -> value.equals("true") || value.equals("on") || value.equals("1")).orElse(false);
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
