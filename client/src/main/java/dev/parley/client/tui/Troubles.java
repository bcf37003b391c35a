package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent.ServerError;
import dev.parley.protocol.Numeric;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Server errors in words a user understands, by numeric; the server's own text otherwise. */
final class Troubles {

    private static final Map<String, Function<String, String>> EXPLAIN = Map.of(
            Numeric.ERR_PASSWDMISMATCH.code(), text -> "Wrong password: " + text,
            Numeric.ERR_NICKNAMEINUSE.code(), text -> "That nickname is taken — " + text,
            Numeric.ERR_UNKNOWNCOMMAND.code(), Troubles::unknownCommand,
            Numeric.ERR_CHANOPRIVSNEEDED.code(), text -> "You need to be a room operator for that — " + text,
            Numeric.ERR_NOPRIVILEGES.code(), text -> "Only the admin (a server operator) can do that — " + text);

    private static final Set<String> ENDS_THE_CONNECTION = Set.of("ERROR", Numeric.ERR_YOUREBANNEDCREEP.code());

    private Troubles() {}

    /**
     * Whether an error is told by other means, so showing it too would say it twice: before
     * registration every error ends in the registration outcome, which the program explains once;
     * ERROR and a ban end the connection, which the disconnection line explains. (A wrong password
     * once registered is a failed OPER and is shown.)
     */
    static boolean saidElsewhere(ServerError error, boolean registered) {
        return !registered || ENDS_THE_CONNECTION.contains(error.numeric());
    }

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
