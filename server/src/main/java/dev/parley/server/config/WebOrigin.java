package dev.parley.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin as browsers send it in {@code Origin}: scheme, host and port, nothing else. Two
 * spellings of one origin are equal ({@code HTTPS://Chat.Example.com:443} is
 * {@code https://chat.example.com}).
 *
 * @param scheme {@code http} or {@code https}
 * @param host lower case; an IPv6 address in brackets
 * @param port the explicit port, or the scheme's default
 */
public record WebOrigin(String scheme, String host, int port) {

    /** The origin in {@code text}, or empty when it is not an http(s) origin ({@code null}, a path, ...). */
    public static Optional<WebOrigin> parse(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
            return Optional.of(new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code hostHeader} (an HTTP {@code Host}: host and optional port) names this origin's
     * host and port, the port defaulting to this origin's scheme's. The scheme is not compared: a
     * reverse proxy that ends TLS passes {@code https} pages' requests on as plain HTTP.
     */
    public boolean sameHostAs(String hostHeader) {
        return parse(scheme + "://" + hostHeader)
                .filter(own -> own.host.equals(host) && own.port == port)
                .isPresent();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }
}
