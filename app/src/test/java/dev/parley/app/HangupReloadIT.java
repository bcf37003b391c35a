package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.transport.TlsContexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP to the server process reloads the TLS certificate: new connections get the new one. */
class HangupReloadIT {

    private static final Pattern TLS_PORT = Pattern.compile("Listening for IRC over TLS on /?127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sighupMakesNewTlsConnectionsGetTheRenewedCertificate() throws Exception {
        process = new ProcessBuilder(ParleyProcess.command(
                        "server",
                        "--listen",
                        "127.0.0.1:0",
                        "--listen-tls",
                        "127.0.0.1:0",
                        "--set",
                        "http.listen=",
                        "--data-dir",
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        Matcher listening = readUntil(output, TLS_PORT, seen);
        int port = Integer.parseInt(listening.group(1));
        readUntil(output, Pattern.compile("Listening on "), seen);
        String before = peerFingerprint(port);

        String renewed = TlsContexts.selfSigned(elsewhere, "renewed.example").fingerprint();
        Path tls = dataDir.resolve("tls");
        Files.copy(
                elsewhere.resolve("parley-selfsigned.key"),
                tls.resolve("parley-selfsigned.key"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                elsewhere.resolve("parley-selfsigned.crt"),
                tls.resolve("parley-selfsigned.crt"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                        .start()
                        .waitFor())
                .isZero();

        readUntil(
                output, Pattern.compile("TLS certificate reloaded \\(SHA-256 " + Pattern.quote(renewed) + "\\)"), seen);
        assertThat(renewed).isNotEqualTo(before);
        assertThat(peerFingerprint(port)).isEqualTo(renewed);
        assertThat(process.isAlive())
                .as("SIGHUP reloads, it does not stop the server; output: %s", seen)
                .isTrue();
    }

    /** The SHA-256 fingerprint of the certificate the server presents (trusting it only to read it). */
    private static String peerFingerprint(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new ReadOnlyTrust()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(peer.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        }
    }

    /** Accepts any server certificate: the test reads the certificate, it sends nothing secret. */
    private static final class ReadOnlyTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static Matcher readUntil(BufferedReader output, Pattern marker, List<String> seen) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.add(line);
            Matcher matcher = marker.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("process ended before printing '" + marker + "': " + seen);
    }
}
