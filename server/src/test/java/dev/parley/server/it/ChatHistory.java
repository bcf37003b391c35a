package dev.parley.server.it;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.Objects;

/** CHATHISTORY as a test asks it: one request, its batch read to the end, the replayed lines returned. */
public final class ChatHistory {

    /** What a client asks for to read history the IRCv3 way. */
    static final String[] CAPS = {"batch", "server-time", "message-tags", "draft/chathistory"};

    private ChatHistory() {}

    /** A client registered as {@code nick} with {@link #CAPS}. */
    static RawIrcClient historyClient(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, "chat@123", CAPS);
        return client;
    }

    /** One reply batch: its type and parameters from {@code BATCH +ref type params...}, and the lines inside it. */
    record Batch(String type, List<String> params, List<IrcMessage> lines) {

        List<String> texts() {
            return lines.stream().map(IrcMessage::lastParam).toList();
        }

        List<String> msgids() {
            return lines.stream().map(line -> line.tag("msgid")).toList();
        }
    }

    /** Sends {@code CHATHISTORY <arguments>} and reads its batch; a FAIL reply fails the test with its text. */
    static Batch ask(RawIrcClient client, String arguments) {
        client.send("CHATHISTORY " + arguments);
        IrcMessage start = client.expect(Lines.anyOf(
                Lines.described(
                        "a BATCH start",
                        m -> m.verb().equals("BATCH") && m.param(0).startsWith("+")),
                Lines.commandWithParams("FAIL", "CHATHISTORY")));
        if (start.verb().equals("FAIL")) {
            throw new AssertionError("CHATHISTORY " + arguments + " was refused: " + start);
        }
        String ref = start.param(0).substring(1);
        List<IrcMessage> lines = client.collectUntil(Lines.commandWithParams("BATCH", "-" + ref)).stream()
                .filter(line -> Objects.equals(ref, line.tag("batch")))
                .toList();
        return new Batch(
                start.param(1), start.params().subList(2, start.params().size()), lines);
    }

    /** {@code config} with flood control off, for tests that send many lines quickly. */
    public static ParleyConfig withoutFloodControl(ParleyConfig config) {
        LimitsConfig l = config.limits();
        FloodConfig off = new FloodConfig(
                false, l.flood().burst(), l.flood().linesPerSecond(), l.flood().exemptOperators());
        return config.withLimits(new LimitsConfig(
                l.nickLength(),
                l.roomNameLength(),
                l.topicLength(),
                l.awayLength(),
                l.kickReasonLength(),
                l.realnameLength(),
                l.maxRoomsPerClient(),
                l.maxListEntries(),
                l.sendQueueBytes(),
                l.registrationTimeout(),
                l.pingInterval(),
                l.pingTimeout(),
                off,
                l.connections(),
                l.multiline()));
    }
}
