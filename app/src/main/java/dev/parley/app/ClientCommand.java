package dev.parley.app;

import ch.qos.logback.classic.Level;
import dev.parley.client.ClientMain;
import dev.parley.client.ClientOptions;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley client}: the terminal client. Asks for nickname, password and room unless given;
 * with stdin not a terminal it sends each input line to the room and exits at end of input.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Chat from the terminal: prompts for nickname, password and room, then a split-screen chat.")
final class ClientCommand implements Callable<Integer> {

    @ParentCommand
    private ParleyCommand parent;

    @Option(names = "--host", paramLabel = "HOST", description = "Server host (default: ${DEFAULT-VALUE}).")
    private String host = ClientOptions.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "Server port (default: ${DEFAULT-VALUE}).")
    private int port = ClientOptions.DEFAULT_PORT;

    @Option(names = "--tls", description = "Connect with TLS (the server's --listen-tls port, 6697 by convention).")
    private boolean tls;

    @Option(
            names = "--tls-fingerprint",
            paramLabel = "SHA256",
            description = "Trust exactly the server certificate with this SHA-256 fingerprint (as the server logs it), "
                    + "for a self-signed certificate. Implies --tls.")
    private String tlsFingerprint;

    @Option(names = "--nick", paramLabel = "NICK", description = "Nickname (asked when missing).")
    private String nick;

    @Option(
            names = "--room",
            paramLabel = "ROOM",
            description = "Room to join, without '#' (asked when missing; default general).")
    private String room;

    @Option(names = "--timestamps", description = "Show the time of each message.")
    private boolean timestamps;

    @Override
    public Integer call() {
        quietLogs();
        ClientOptions options = ClientOptions.defaults()
                .withServer(host, port)
                .withTls(tls)
                .withTlsFingerprint(tlsFingerprint)
                .withNick(nick)
                .withRoom(room)
                .withTimestamps(timestamps);
        return ClientMain.run(options, System.in, System.out, parent.environment());
    }

    /** The server's log lines have no place between chat lines: only warnings and errors show. */
    private static void quietLogs() {
        var root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
        var parley = LoggerFactory.getLogger("dev.parley");
        if (parley instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
