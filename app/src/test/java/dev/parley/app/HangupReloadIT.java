package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.transport.TlsContexts;
import dev.parley.testkit.RawIrcClient;
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
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP to the server process reloads the configuration file and the TLS certificate: new
 * connections get the new MOTD and the new certificate; a key that needs a restart is named in the log.
 */
class HangupReloadIT {

    private static final Pattern IRC_PORT = Pattern.compile("Listening for IRC on /?127\\.0\\.0\\.1:(\\d+)");
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

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sighupAppliesTheEditedConfigFile() throws Exception {
        Path config = elsewhere.resolve("parley.yaml");
        Files.writeString(config, """
                server:
                  motd: ["Before the hangup"]
                """);
        process = new ProcessBuilder(ParleyProcess.command(
                        "server",
                        "--config",
                        config.toString(),
                        "--listen",
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
        int port = Integer.parseInt(readUntil(output, IRC_PORT, seen).group(1));
        readUntil(output, Pattern.compile("Listening on "), seen);
        assertThat(motd(port)).contains("Before the hangup");

        Files.writeString(config, """
                server:
                  name: renamed.example
                  motd: ["After the hangup"]
                """);
        hangUp();

        readUntil(output, Pattern.compile("Configuration reloaded; applied: server\\.motd$"), seen);
        readUntil(output, Pattern.compile("server\\.name changed: needs a restart; the running value stays"), seen);
        assertThat(motd(port)).contains("After the hangup").doesNotContain("Before the hangup");

        // logging.level applies at once: at warn, the next reload's report is not logged, its audit line is.
        Files.writeString(config, """
                server:
                  motd: ["After the hangup"]
                logging:
                  level: warn
                """);
        hangUp();
        readUntil(output, Pattern.compile("REHASH applied: \\[logging\\.level\\]"), seen);
        hangUp();
        int mark = seen.size();
        readUntil(output, Pattern.compile("REHASH applied: \\[\\]"), seen);
        assertThat(seen.subList(mark, seen.size())).noneMatch(line -> line.contains("Configuration reloaded"));
        assertThat(process.isAlive()).as("output: %s", seen).isTrue();
    }

    private void hangUp() throws Exception {
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    /** The MOTD a new client is welcomed with, its lines joined. */
    private static String motd(int port) {
        try (RawIrcClient client = RawIrcClient.connect("127.0.0.1", port)) {
            return client.register("reader", "chat@123").stream()
                    .filter(m -> m.verb().equals("372"))
                    .map(IrcMessage::lastParam)
                    .collect(Collectors.joining("\n"));
        }
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
