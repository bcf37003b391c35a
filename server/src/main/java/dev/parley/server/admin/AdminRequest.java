package dev.parley.server.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to the admin API, as the transport read it.
 *
 * @param method upper case ({@code GET}, {@code POST}, {@code DELETE})
 * @param rawPath the path still percent-encoded (a room's {@code #} arrives as {@code %23})
 * @param query the query parameters, decoded (first value of each)
 * @param headers by lower-case name
 * @param remoteIp the client's address, for the login limits and the audit log
 * @param secure whether it came over HTTPS (the session cookie is then {@code Secure})
 */
public record AdminRequest(
        String method,
        String rawPath,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        String remoteIp,
        boolean secure) {

    public AdminRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
