package dev.parley.testkit;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The registration dialogue of {@link RawIrcClient#register} and {@link RawIrcClient#registerWithCaps},
 * written with the client's public steps so that it is exactly what a test could write by hand.
 *
 * <p>A refusal (ERROR, or an error numeric other than 422 ERR_NOMOTD) fails at once instead of
 * waiting out the deadline.
 */
final class Registration {

    private final RawIrcClient client;

    Registration(RawIrcClient client) {
        this.client = client;
    }

    List<IrcMessage> register(String nick, String password) {
        sendIdentity(nick, password);
        return awaitWelcomeBurst(nick);
    }

    List<IrcMessage> registerWithCaps(String nick, String password, String... caps) {
        client.send("CAP LS 302");
        client.expect(finalCapLs());
        if (caps.length > 0) {
            requestCaps(caps);
        }
        sendIdentity(nick, password);
        client.send("CAP END");
        return awaitWelcomeBurst(nick);
    }

    private void requestCaps(String... caps) {
        client.send("CAP REQ :" + String.join(" ", caps));
        IrcMessage reply = client.expect(Lines.described(
                "CAP ACK or NAK",
                m -> m.verb().equals("CAP") && ("ACK".equals(m.param(1)) || "NAK".equals(m.param(1)))));
        Set<String> requested = new TreeSet<>(Arrays.asList(caps));
        Set<String> acked = new TreeSet<>(Arrays.asList(reply.lastParam().trim().split(" +")));
        if (!"ACK".equals(reply.param(1)) || !acked.equals(requested)) {
            throw client.failure("CAP ACK of " + requested, "the server replied " + reply);
        }
    }

    private void sendIdentity(String nick, String password) {
        if (password != null) {
            client.send("PASS " + password);
        }
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick + " (Parley testkit)");
    }

    private List<IrcMessage> awaitWelcomeBurst(String nick) {
        Predicate<IrcMessage> refusal = Lines.described(
                "a refusal (ERROR or an error numeric)",
                m -> m.verb().equals("ERROR")
                        || (Lines.errorNumeric().test(m) && !Lines.endOfMotd().test(m)));
        List<IrcMessage> lines = new ArrayList<>(client.collectUntil(Lines.anyOf(Lines.endOfMotd(), refusal)));
        IrcMessage last = lines.get(lines.size() - 1);
        if (refusal.test(last)) {
            throw client.failure("registration of " + nick, "the server refused: " + last);
        }
        if (lines.stream().noneMatch(Lines.numeric(Numeric.RPL_WELCOME))) {
            throw client.failure("001 RPL_WELCOME before the end of the MOTD", "it did not come");
        }
        return lines;
    }

    /** The last line of a CAP LS reply: version 302 marks continuation lines with a "*" before the list. */
    private static Predicate<IrcMessage> finalCapLs() {
        return Lines.described(
                "the final CAP LS line",
                m -> m.verb().equals("CAP") && "LS".equals(m.param(1)) && !"*".equals(m.param(2)));
    }
}
