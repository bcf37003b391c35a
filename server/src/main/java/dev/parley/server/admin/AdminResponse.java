package dev.parley.server.admin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the admin API answers: a status, a body and its type, and extra headers
 * ({@code Set-Cookie}, {@code Retry-After}). Every answer is {@code no-store}: it holds live data
 * and, for logins, a CSRF token.
 */
public record AdminResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    private static final String JSON = "application/json; charset=utf-8";

    public AdminResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer; {@code value} is what {@link Json#write} takes. */
    public static AdminResponse json(int status, Object value) {
        return new AdminResponse(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static AdminResponse ok(Object value) {
        return json(200, value);
    }

    /** An error the console shows as it is: {@code {"error": "..."}}. */
    public static AdminResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public static AdminResponse text(int status, String body) {
        return new AdminResponse(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public AdminResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AdminResponse(status, contentType, body, more);
    }
}
