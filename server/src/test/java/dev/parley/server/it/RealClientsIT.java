package dev.parley.server.it;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's own IRC clients against Parley, as users run them: each connects with the server
 * password, joins #general, exchanges messages with another client both ways, and reads history
 * with the plain HISTORY command.
 */
class RealClientsIT {

    @TempDir
    Path dir;

    @Test
    void iiConnectsJoinsTalksAndReadsHistory() {
        ExternalClient.require("ii", "ii");
        try (TestServer server = TestServer.start()) {
            RawIrcClient peer = server.user("peer");
            peer.join("#general");
            int port = server.address().getPort();
            try (ExternalClient ii = ExternalClient.start(
                    dir,
                    Map.of("IIPASS", "chat@123"),
                    List.of(
                            "ii",
                            "-s",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "-n",
                            "iiuser",
                            "-k",
                            "IIPASS",
                            "-i",
                            dir.toString()))) {
                Path serverDir = dir.resolve("127.0.0.1");
                ii.awaitExists(serverDir.resolve("in"));
                ii.awaitFileContains(serverDir.resolve("out"), "End of /MOTD");
                ExternalClient.writeLine(serverDir.resolve("in"), "/j #general");
                peer.expect(Lines.joinOf("iiuser", "#general"));

                Path room = serverDir.resolve("#general");
                ii.awaitExists(room.resolve("in"));
                ExternalClient.writeLine(room.resolve("in"), "hello from ii");
                peer.expect(Lines.privmsgFrom("iiuser", "#general", "hello from ii"));
                peer.send("PRIVMSG #general :hello ii, from peer");
                ii.awaitFileContains(room.resolve("out"), "<peer> hello ii, from peer");

                ExternalClient.writeLine(serverDir.resolve("in"), "/HISTORY #general 10");
                ii.awaitFileContains(serverDir.resolve("out"), "<iiuser> hello from ii");
                ii.awaitFileContains(serverDir.resolve("out"), "End of history for #general");

                pasteTwoLines(server);
                ii.awaitFileContains(room.resolve("out"), "<paster> first pasted line");
                ii.awaitFileContains(room.resolve("out"), "<paster> second pasted line");
            }
        }
    }

    @Test
    void weechatConnectsJoinsTalksAndReadsHistory() throws IOException {
        ExternalClient.require("weechat-headless", "weechat-headless");
        try (TestServer server = TestServer.start()) {
            RawIrcClient peer = server.user("peer");
            peer.join("#general");
            int port = server.address().getPort();
            String setup = "/set logger.file.flush_delay 0"
                    + "; /server add parley 127.0.0.1/" + port + " -notls -password=chat@123 -nicks=weeuser"
                    + " -autojoin=#general"
                    + "; /connect parley";
            try (ExternalClient weechat = ExternalClient.start(
                    dir,
                    Map.of("HOME", dir.toString()),
                    List.of("weechat-headless", "--dir", dir.toString(), "--run-command", setup))) {
                peer.expect(Lines.joinOf("weeuser", "#general"));
                Path fifo = fifoOf(weechat);
                ExternalClient.writeLine(fifo, "irc.parley.#general *hello from weechat");
                peer.expect(Lines.privmsgFrom("weeuser", "#general", "hello from weechat"));

                peer.send("PRIVMSG #general :hello weechat, from peer");
                Path roomLog = dir.resolve("logs").resolve("irc.parley.#general.weechatlog");
                weechat.awaitFileContains(roomLog, "hello weechat, from peer");

                ExternalClient.writeLine(fifo, "irc.server.parley */quote HISTORY #general 10");
                Path serverLog = dir.resolve("logs").resolve("irc.server.parley.weechatlog");
                weechat.awaitFileContains(serverLog, "<weeuser> hello from weechat");
                weechat.awaitFileContains(serverLog, "End of history for #general");

                pasteTwoLines(server);
                weechat.awaitFileContains(roomLog, "first pasted line");
                weechat.awaitFileContains(roomLog, "second pasted line");
            }
        }
    }

    /**
     * A client with draft/multiline pastes two lines as one message into #general; a client without
     * the capability gets them as two ordinary messages.
     */
    private static void pasteTwoLines(TestServer server) {
        RawIrcClient paster = server.connect();
        paster.registerWithCaps("paster", "chat@123", "batch", "draft/multiline", "echo-message");
        paster.join("#general");
        paster.send("BATCH +p draft/multiline #general");
        paster.send("@batch=p PRIVMSG #general :first pasted line");
        paster.send("@batch=p PRIVMSG #general :second pasted line");
        paster.send("BATCH -p");
        paster.expect(Lines.described(
                "the end of the echoed message",
                m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
        paster.close();
    }

    private Path fifoOf(ExternalClient weechat) throws IOException {
        org.awaitility.Awaitility.await("weechat's FIFO (its fifo plugin is in Debian's weechat-plugins)")
                .atMost(ExternalClient.WAIT)
                .until(() -> findFifo().isPresent());
        return findFifo().orElseThrow();
    }

    private java.util.Optional<Path> findFifo() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("weechat_fifo"))
                    .findFirst();
        }
    }
}
