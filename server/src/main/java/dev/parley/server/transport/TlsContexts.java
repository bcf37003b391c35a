package dev.parley.server.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate every TLS listener presents: the configured PEM files, or a self-signed
 * certificate generated into {@code <data-dir>/tls/} on first start and reused afterwards. New
 * connections use the context current when they arrive; {@link #reload()} swaps it without a
 * restart (REHASH, SIGHUP), and a broken file leaves the old one in force.
 */
public final class TlsContexts {

    private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

    private final Path certificate;
    private final Path privateKey;
    private final AtomicReference<SslContext> current = new AtomicReference<>();
    private volatile String fingerprint;

    private TlsContexts(Path certificate, Path privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** The configured files, loaded now; fails when they cannot be read. */
    public static TlsContexts fromFiles(Path certificate, Path privateKey) throws IOException {
        TlsContexts contexts = new TlsContexts(certificate, privateKey);
        contexts.load();
        return contexts;
    }

    /** A self-signed certificate in {@code directory}, made there the first time. */
    public static TlsContexts selfSigned(Path directory, String hostName) throws IOException {
        Path certificate = directory.resolve("parley-selfsigned.crt");
        Path key = directory.resolve("parley-selfsigned.key");
        if (!Files.exists(certificate) || !Files.exists(key)) {
            SelfSignedCertificate.generate(hostName, certificate, key);
            log.info("generated a self-signed TLS certificate for {} in {}", hostName, certificate);
        }
        return fromFiles(certificate, key);
    }

    /** Reads the files again; the old certificate stays in force if they are broken. */
    public boolean reload() {
        try {
            load();
            return true;
        } catch (IOException e) {
            log.error("TLS certificate reload failed, keeping the current one: {}", e.getMessage());
            return false;
        }
    }

    /** The SHA-256 fingerprint of the certificate in force, hex with colons. */
    public String fingerprint() {
        return fingerprint;
    }

    SslHandler newHandler(ByteBufAllocator alloc) {
        return current.get().newHandler(alloc);
    }

    private void load() throws IOException {
        try {
            SslContext context = SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile())
                    .build();
            String print = fingerprintOf(certificate);
            current.set(context);
            fingerprint = print;
            log.info("TLS certificate {} in force, SHA-256 fingerprint {}", certificate, print);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("cannot use " + certificate + " with " + privateKey + ": " + e.getMessage(), e);
        }
    }

    private static String fingerprintOf(Path certificate) throws IOException {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate x509 =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IOException("cannot read the certificate " + certificate + ": " + e.getMessage(), e);
        }
    }
}
