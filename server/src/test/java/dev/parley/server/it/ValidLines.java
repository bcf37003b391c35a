package dev.parley.server.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid line for each verb of the command table, as a fuzzer's starting point. A verb added to the
 * table without an entry here still gets fuzzed, with parameters drawn from {@link #PARAMS}. No line
 * carries a real password: the fuzzer must not become an operator and KILL the bystanders.
 */
final class ValidLines {

    /** Parameters that mean something to some handler: rooms, nicks, masks, references, modes. */
    static final List<String> PARAMS = List.of(
            "#room",
            "#fuzz",
            "#new",
            "alice",
            "bob",
            "carol",
            "fuzzer",
            "*",
            "0",
            "1",
            "50",
            "1000",
            "-1",
            "2147483648",
            "+o",
            "-o",
            "+b",
            "+k",
            "+l",
            "+i",
            "+m",
            "+s",
            "+t",
            "*!*@*",
            "alice!*@*",
            "msgid=abc",
            "timestamp=2026-01-01T00:00:00.000Z",
            "timestamp=garbage",
            ":trailing text",
            "PLAIN",
            "LS",
            "REQ",
            "END",
            "LATEST",
            "BEFORE",
            "AFTER",
            "AROUND",
            "BETWEEN",
            "TARGETS",
            "SET",
            "GET",
            "LIST",
            "SUB",
            "avatar",
            "#a,#b,#c",
            "alice,bob",
            "%tcuhnfar,42",
            ">0",
            "<5",
            "C>0",
            "L",
            "S");

    private static final String SOME_TIME = "timestamp=2026-01-01T00:00:00.000Z";
    private static final String LATER = "timestamp=2036-01-01T00:00:00.000Z";

    private static final Map<String, List<String>> BY_VERB = Map.ofEntries(
            Map.entry(
                    "AUTHENTICATE",
                    List.of(
                            "AUTHENTICATE PLAIN",
                            "AUTHENTICATE +",
                            "AUTHENTICATE "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    "\0fuzzer\0not-the-password".getBytes(StandardCharsets.UTF_8)),
                            "AUTHENTICATE *")),
            Map.entry("AWAY", List.of("AWAY :gone fishing", "AWAY")),
            Map.entry("BAN", List.of("BAN *!*@fuzz.example :go away")),
            Map.entry("BANS", List.of("BANS")),
            Map.entry(
                    "BATCH",
                    List.of(
                            "BATCH +ml draft/multiline #room",
                            "@batch=ml PRIVMSG #room :a line",
                            "@batch=ml;draft/multiline-concat PRIVMSG #room :continued",
                            "BATCH -ml",
                            "BATCH +x draft/multiline alice")),
            Map.entry(
                    "CAP",
                    List.of(
                            "CAP LS 302",
                            "CAP REQ :batch message-tags echo-message",
                            "CAP LIST",
                            "CAP REQ :-echo-message",
                            "CAP END")),
            Map.entry(
                    "CHATHISTORY",
                    List.of(
                            "CHATHISTORY LATEST #room * 50",
                            "CHATHISTORY BEFORE #room " + LATER + " 10",
                            "CHATHISTORY AFTER #room " + SOME_TIME + " 10",
                            "CHATHISTORY AROUND #room msgid=abc 5",
                            "CHATHISTORY BETWEEN #room " + SOME_TIME + " " + LATER + " 20",
                            "CHATHISTORY TARGETS " + SOME_TIME + " " + LATER + " 20",
                            "CHATHISTORY LATEST alice * 10")),
            Map.entry("HELP", List.of("HELP", "HELP PRIVMSG")),
            Map.entry("HELPOP", List.of("HELPOP", "HELPOP JOIN")),
            Map.entry("HISTORY", List.of("HISTORY #room 20", "HISTORY alice")),
            Map.entry("INFO", List.of("INFO")),
            Map.entry("INVITE", List.of("INVITE bob #fuzz", "INVITE")),
            Map.entry("ISON", List.of("ISON alice bob nobody")),
            Map.entry("JOIN", List.of("JOIN #fuzz", "JOIN #room", "JOIN #a,#b key", "JOIN 0")),
            Map.entry("KICK", List.of("KICK #fuzz bob :out", "KICK #room alice")),
            Map.entry("KILL", List.of("KILL alice :bye")),
            Map.entry("LIST", List.of("LIST", "LIST #room", "LIST >0", "LIST C<5")),
            Map.entry("LUSERS", List.of("LUSERS")),
            Map.entry("MARKREAD", List.of("MARKREAD #room", "MARKREAD #room " + SOME_TIME)),
            Map.entry(
                    "METADATA",
                    List.of(
                            "METADATA * LIST",
                            "METADATA * SET avatar :https://example.org/a.png",
                            "METADATA #fuzz SET display-name :Fuzz",
                            "METADATA * SUB avatar",
                            "METADATA alice GET avatar")),
            Map.entry(
                    "MODE",
                    List.of(
                            "MODE #fuzz +o bob",
                            "MODE #fuzz +b *!*@*",
                            "MODE #fuzz +k secret",
                            "MODE #fuzz +l 10",
                            "MODE fuzzer +i",
                            "MODE #room",
                            "MODE #fuzz -k+imnst")),
            Map.entry(
                    "MONITOR", List.of("MONITOR + alice,bob", "MONITOR L", "MONITOR S", "MONITOR - bob", "MONITOR C")),
            Map.entry("MOTD", List.of("MOTD")),
            Map.entry("NAMES", List.of("NAMES #room", "NAMES")),
            Map.entry("NICK", List.of("NICK fuzzy", "NICK fuzzer")),
            Map.entry("NOTICE", List.of("NOTICE #room :hello", "NOTICE alice :hi")),
            Map.entry("OPER", List.of("OPER admin not-the-password")),
            Map.entry("PART", List.of("PART #fuzz :bye", "PART #new")),
            Map.entry("PASS", List.of("PASS chat@123")),
            Map.entry("PING", List.of("PING :token")),
            Map.entry("PONG", List.of("PONG :token")),
            Map.entry(
                    "PRIVMSG",
                    List.of(
                            "PRIVMSG #room :hello",
                            "PRIVMSG alice :\u0001ACTION waves\u0001",
                            "@+draft/reply=abc PRIVMSG #room :a reply",
                            "PRIVMSG @#room :ops only")),
            Map.entry("QUIT", List.of("QUIT :bye")),
            Map.entry("REDACT", List.of("REDACT #room abc :oops")),
            Map.entry(
                    "SEARCH",
                    List.of(
                            "SEARCH text=hello",
                            "SEARCH in=#room;from=alice;limit=5",
                            "SEARCH after=2026-01-01T00:00:00.000Z;before=2036-01-01T00:00:00.000Z;text=a\\sb")),
            Map.entry("REGISTER", List.of("REGISTER * fuzz@example.org :a long enough password")),
            Map.entry("REHASH", List.of("REHASH")),
            Map.entry("SETNAME", List.of("SETNAME :A New Name")),
            Map.entry("TAGMSG", List.of("@+typing=active TAGMSG #room", "@+draft/react=x TAGMSG alice")),
            Map.entry("TIME", List.of("TIME")),
            Map.entry("TOPIC", List.of("TOPIC #fuzz :new topic", "TOPIC #room")),
            Map.entry("UNBAN", List.of("UNBAN *!*@fuzz.example")),
            Map.entry("USER", List.of("USER u 0 * :Real Name")),
            Map.entry("USERHOST", List.of("USERHOST alice bob")),
            Map.entry("VERIFY", List.of("VERIFY fuzzer 123456")),
            Map.entry("VERSION", List.of("VERSION")),
            Map.entry("WALLOPS", List.of("WALLOPS :hi all")),
            Map.entry("WHO", List.of("WHO #room", "WHO alice %tcuhnfar,42", "WHO *")),
            Map.entry("WHOIS", List.of("WHOIS alice", "WHOIS nobody")),
            Map.entry("WHOWAS", List.of("WHOWAS bob")));

    private ValidLines() {}

    /** A valid line for {@code verb}: a known one, or the verb with parameters from {@link #PARAMS}. */
    static String of(String verb, Random random) {
        List<String> known = BY_VERB.get(verb);
        if (known != null) {
            return known.get(random.nextInt(known.size()));
        }
        StringBuilder line = new StringBuilder(verb);
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String param = PARAMS.get(random.nextInt(PARAMS.size()));
            if (param.startsWith(":")) {
                line.append(' ').append(param);
                break;
            }
            line.append(' ').append(param);
        }
        return line.toString();
    }
}
