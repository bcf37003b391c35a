package dev.parley.client.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

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
     * accepted, which is how a server's self-signed certificate is trusted. A failed handshake with a
     * server that answered is a {@link TlsTrouble} that says what is wrong and what to do.
     */
    static SocketOpener tls(String pinnedSha256) {
        return (host, port, timeout) -> {
            Socket tcp = plain().open(host, port, timeout);
            CertificateCheck check;
            SSLSocket socket;
            try {
                check = CertificateCheck.of(pinnedSha256);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {check}, null);
                socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
            } catch (GeneralSecurityException e) {
                tcp.close();
                throw new IOException("TLS is not available in this Java: " + e.getMessage(), e);
            }
            try {
                if (pinnedSha256 == null) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
                socket.setSoTimeout(0);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw TlsTrouble.explain(e, host, port, check);
            }
        };
    }
}
