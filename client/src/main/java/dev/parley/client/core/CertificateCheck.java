package dev.parley.client.core;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate, against a pinned SHA-256 or else the system's CAs (host name
 * included), and remembers what it saw, so that a refusal can be explained: which certificate was
 * offered and why it was refused. One instance per connection attempt.
 */
final class CertificateCheck extends X509ExtendedTrustManager {

    /** How the check went. */
    enum Verdict {
        NOT_CHECKED,
        TRUSTED,
        UNTRUSTED,
        PIN_MISMATCH
    }

    private final X509ExtendedTrustManager system;
    private final String pinned;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile String offered;

    private CertificateCheck(X509ExtendedTrustManager system, String pinned) {
        this.system = system;
        this.pinned = pinned;
    }

    /** @param pinnedSha256 hex, colons optional; null to trust the system's CAs */
    static CertificateCheck of(String pinnedSha256) throws GeneralSecurityException {
        if (pinnedSha256 != null) {
            return new CertificateCheck(null, pinnedSha256.replace(":", "").toLowerCase(Locale.ROOT));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return new CertificateCheck(extended, null);
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    Verdict verdict() {
        return verdict;
    }

    /** The SHA-256 of the certificate the server offered, as the server logs it (upper-case hex, colons); or null. */
    String offeredFingerprint() {
        return offered;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType));
    }

    /** The system's own check, for the certificate not pinned. */
    private interface SystemCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, SystemCheck systemCheck) throws CertificateException {
        offered = fingerprint(chain[0]);
        if (pinned != null) {
            boolean match = offered.replace(":", "").toLowerCase(Locale.ROOT).equals(pinned);
            verdict = match ? Verdict.TRUSTED : Verdict.PIN_MISMATCH;
            if (!match) {
                throw new CertificateException(
                        "the server's certificate has SHA-256 " + offered + ", not the pinned one");
            }
            return;
        }
        try {
            systemCheck.run();
            verdict = Verdict.TRUSTED;
        } catch (CertificateException e) {
            verdict = Verdict.UNTRUSTED;
            throw e;
        }
    }

    private static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system == null ? new X509Certificate[0] : system.getAcceptedIssuers();
    }
}
