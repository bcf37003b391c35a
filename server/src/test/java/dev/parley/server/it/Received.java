package dev.parley.server.it;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import dev.parley.testkit.RawIrcClient;
import java.util.List;

/** Everything a raw client has received so far, re-read from its transcript, for "never sent" assertions. */
final class Received {

    private Received() {}

    /** Every line the server sent to {@code client} (the testkit already checked that each parses). */
    static List<IrcMessage> by(RawIrcClient client) {
        return client.transcript().stream()
                .filter(line -> line.startsWith("<- "))
                .map(line -> IrcParser.parse(line.substring(3)))
                .filter(parsed -> parsed instanceof ParseResult.Parsed)
                .map(parsed -> ((ParseResult.Parsed) parsed).message())
                .toList();
    }

    /** The commands (verbs or numerics) the server sent to {@code client}, in order. */
    static List<String> commands(RawIrcClient client) {
        return by(client).stream().map(IrcMessage::command).toList();
    }
}
