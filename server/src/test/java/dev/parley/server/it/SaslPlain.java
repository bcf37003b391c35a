package dev.parley.server.it;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SASL PLAIN as a client speaks it, for the login tests. */
final class SaslPlain {

    private SaslPlain() {}

    /** Asks for sasl, gives NICK and USER, and starts PLAIN: the next line is the payload. */
    static RawIrcClient start(RawIrcClient client, String nick) {
        client.send("CAP REQ :sasl");
        client.expect(Lines.commandWithParams("CAP", "*", "ACK"));
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        client.send("AUTHENTICATE PLAIN");
        client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
        return client;
    }

    /** The base64 payload logging in as {@code account} (authzid and authcid alike). */
    static String payload(String account, String password) {
        return Base64.getEncoder()
                .encodeToString((account + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
