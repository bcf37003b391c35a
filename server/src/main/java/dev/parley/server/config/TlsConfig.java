package dev.parley.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * TLS: IRC over TLS listeners and the certificate every TLS listener (IRC and HTTPS) presents.
 *
 * @param listen addresses for IRC over TLS (6697 by convention); empty: none
 * @param certificate a PEM certificate chain; empty: a self-signed one made in the data directory
 * @param privateKey the PEM private key of {@code certificate}
 */
public record TlsConfig(List<ListenAddress> listen, Optional<Path> certificate, Optional<Path> privateKey) {

    public TlsConfig {
        listen = List.copyOf(listen);
    }

    public static TlsConfig defaults() {
        return new TlsConfig(List.of(), Optional.empty(), Optional.empty());
    }
}
