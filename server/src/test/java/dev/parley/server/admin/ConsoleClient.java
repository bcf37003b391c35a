package dev.parley.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API as a script would use it: form fields in, JSON text out, the login cookie and the
 * CSRF token kept from the login and sent back. Headers can be added to any request, to play a
 * browser on another site.
 */
public final class ConsoleClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CSRF = Pattern.compile("\"csrf\":\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private String cookie;
    private String csrf;

    public ConsoleClient(InetSocketAddress address) {
        this.base = "http://127.0.0.1:" + address.getPort();
    }

    /** Logs in; the response is returned whatever it is, and a granted login is kept. */
    public HttpResponse<String> logIn(String name, String password) {
        HttpResponse<String> response =
                send("POST", "/admin/api/login", form("name", name, "password", password), Map.of());
        response.headers().firstValue("Set-Cookie").ifPresent(set -> cookie = set.split(";", 2)[0]);
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, "", Map.of());
    }

    public HttpResponse<String> post(String path, String... fields) {
        return send("POST", path, form(fields), Map.of());
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, "", Map.of());
    }

    /** Any request; the cookie and the CSRF token go with it unless {@code headers} replace them. */
    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null && !headers.containsKey("X-CSRF-Token")) {
            request.header("X-CSRF-Token", csrf);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Optional<String> csrf() {
        return Optional.ofNullable(csrf);
    }

    static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    /** A path segment as the console's script encodes it ({@code #room} is {@code %23room}). */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
