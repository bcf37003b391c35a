package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's "a multi-line paste arrives as separate lines in irssi": Debian's irssi, which does
 * not ask for draft/multiline, shows a three-line paste from a client that does as three ordinary
 * lines, each with the sender's nick. irssi wants a terminal, so it runs under {@code script} (a
 * pseudo-terminal, in util-linux), and what it shows is read from its channel log (autolog).
 */
class MultilineInIrssiIT {

    @TempDir
    Path dir;

    @Test
    void aThreeLinePasteShowsInIrssiAsThreeLinesWithTheSendersNick() throws IOException {
        ExternalClient.require("irssi", "irssi");
        ExternalClient.require("script", "bsdutils");
        try (TestServer server = TestServer.start()) {
            RawIrcClient peer = server.user("peer");
            peer.join("#general");
            writeConfig(server.address().getPort());
            try (ExternalClient irssi = ExternalClient.start(dir, Map.of("TERM", "xterm"), irssiInTerminal())) {
                peer.withTimeout(ExternalClient.WAIT).expect(Lines.joinOf("irssiuser", "#general"));

                pasteThreeLines(server);

                Path log = dir.resolve("logs").resolve("parley").resolve("#general.log");
                irssi.awaitFileContains(log, "third pasted line");
                assertThat(shownLines(log))
                        .containsExactly(
                                "< paster> first pasted line",
                                "< paster> second pasted line",
                                "< paster> third pasted line");
                irssi.quitWith("/quit");
            }
        }
    }

    /** irssi on a 200x50 pseudo-terminal, with this test's home and config. */
    private List<String> irssiInTerminal() {
        String irssi =
                "stty cols 200 rows 50; exec irssi --home='" + dir + "' --config='" + dir.resolve("config") + "'";
        return List.of("script", "--quiet", "--return", "--command", irssi, "/dev/null");
    }

    /** The server with its password, #general joined on connect, every window logged. */
    private void writeConfig(int port) throws IOException {
        String config = """
                servers = (
                  { address = "127.0.0.1"; chatnet = "parley"; port = "%d"; password = "chat@123";
                    use_tls = "no"; autoconnect = "yes"; }
                );
                chatnets = { parley = { type = "IRC"; }; };
                channels = ( { name = "#general"; chatnet = "parley"; autojoin = "yes"; } );
                settings = {
                  core = { real_name = "irssi user"; user_name = "irssiuser"; nick = "irssiuser"; };
                  "fe-common/core" = {
                    autolog = "yes";
                    autolog_path = "%s/logs/$tag/$0.log";
                  };
                };
                """.formatted(port, dir);
        Files.writeString(dir.resolve("config"), config);
    }

    /** A client with draft/multiline sends three lines to #general as one message. */
    private static void pasteThreeLines(TestServer server) {
        RawIrcClient paster = server.connect();
        paster.registerWithCaps("paster", "chat@123", "batch", "draft/multiline", "echo-message");
        paster.join("#general");
        paster.send("BATCH +p draft/multiline #general");
        paster.send("@batch=p PRIVMSG #general :first pasted line");
        paster.send("@batch=p PRIVMSG #general :second pasted line");
        paster.send("@batch=p PRIVMSG #general :third pasted line");
        paster.send("BATCH -p");
        paster.expect(Lines.described(
                "the end of the echoed message",
                m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
        paster.close();
    }

    /**
     * The log's lines of the paste, without their time ({@code 15:43 < paster> first pasted line}):
     * irssi's "--- Log opened" and join lines left out.
     */
    private static List<String> shownLines(Path log) {
        Awaitility.await("irssi's log ends with the third line")
                .atMost(Duration.ofSeconds(5))
                .until(() -> ExternalClient.read(log).contains("third pasted line\n"));
        return ExternalClient.read(log)
                .lines()
                .filter(line -> line.contains("pasted line"))
                .map(line -> line.replaceFirst("^\\d\\d:\\d\\d ", ""))
                .toList();
    }
}
