package dev.parley.client.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** How the client reaches the server: plain TCP, or TLS checked against the system's CAs or a pinned fingerprint. */
public interface SocketOpener {

    Socket open(String host, int port, Duration timeout) throws IOException;

    /** Plain TCP. */
    static SocketOpener plain() {
        return (host, port, timeout) -> {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        };
    }

    /**
     * TLS. Without a fingerprint the certificate must be valid for {@code host} and signed by a CA
     * the system trusts; with one (SHA-256, hex, colons optional) exactly that certificate is
     * accepted, which is how a server's self-signed certificate is trusted.
     */
    static SocketOpener tls(String pinnedSha256) {
        return (host, port, timeout) -> {
            Socket tcp = plain().open(host, port, timeout);
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust(pinnedSha256)}, null);
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
                if (pinnedSha256 == null) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
                socket.setSoTimeout(0);
                return socket;
            } catch (GeneralSecurityException e) {
                tcp.close();
                throw new IOException("TLS is not available: " + e.getMessage(), e);
            } catch (IOException e) {
                tcp.close();
                throw new IOException("TLS handshake failed: " + e.getMessage()
                        + (pinnedSha256 == null ? " (a self-signed server needs --tls-fingerprint)" : ""), e);
            }
        };
    }

    private static X509TrustManager trust(String pinnedSha256) throws GeneralSecurityException {
        if (pinnedSha256 == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return (X509TrustManager) factory.getTrustManagers()[0];
        }
        String wanted = pinnedSha256.replace(":", "").toLowerCase(Locale.ROOT);
        return new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                    if (!actual.equals(wanted)) {
                        throw new CertificateException("the server's certificate has SHA-256 " + actual
                                + ", not the pinned " + wanted);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
