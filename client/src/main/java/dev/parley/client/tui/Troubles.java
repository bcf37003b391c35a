package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent.ServerError;
import dev.parley.protocol.Numeric;
import java.util.Map;
import java.util.function.Function;

/** Server errors in words a user understands, by numeric; the server's own text otherwise. */
final class Troubles {

    private static final Map<String, Function<String, String>> EXPLAIN = Map.of(
            Numeric.ERR_PASSWDMISMATCH.code(), text -> "Wrong password: the server refused to let you in.",
            Numeric.ERR_YOUREBANNEDCREEP.code(), text -> text,
            Numeric.ERR_NICKNAMEINUSE.code(), text -> "That nickname is taken — " + text,
            Numeric.ERR_UNKNOWNCOMMAND.code(), Troubles::unknownCommand,
            Numeric.ERR_CHANOPRIVSNEEDED.code(), text -> "You need to be a room operator for that — " + text,
            Numeric.ERR_NOPRIVILEGES.code(), text -> "Only the admin (a server operator) can do that — " + text,
            "ERROR", text -> "The server closed the connection: " + text);

    private Troubles() {}

    static String explain(ServerError error) {
        return EXPLAIN.getOrDefault(error.numeric(), text -> text).apply(error.text());
    }

    /** 421 for REGISTER means this server has no accounts yet; say so rather than "unknown command". */
    private static String unknownCommand(String text) {
        if (text.startsWith("REGISTER")) {
            return "Accounts are not available on this server yet, so /register does nothing here.";
        }
        return "The server does not know that command — " + text;
    }
}
