package dev.parley.server.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random input lines for {@link BadInputIT}: a third pure random bytes, a third real verbs with
 * random but valid UTF-8 parameters (so the handlers, not only the decoder, see garbage), a third
 * the same behind random tags. Deterministic for a given {@link Random} seed, so a failure can be replayed.
 */
final class Fuzz {

    /** Every verb a registered user may send, except QUIT (which would end the run early). */
    private static final List<String> VERBS = List.of(
            "PRIVMSG",
            "NOTICE",
            "TAGMSG",
            "JOIN",
            "PART",
            "KICK",
            "TOPIC",
            "NAMES",
            "LIST",
            "INVITE",
            "MODE",
            "WHO",
            "WHOIS",
            "USERHOST",
            "ISON",
            "MOTD",
            "LUSERS",
            "VERSION",
            "TIME",
            "AWAY",
            "SETNAME",
            "CAP",
            "PING",
            "PONG",
            "NICK",
            "USER",
            "PASS",
            "OPER",
            "HISTORY",
            "CHATHISTORY",
            "KILL",
            "BAN");

    private Fuzz() {}

    /** One line, ending in CR LF; it may itself hold further CR, LF or NUL bytes. */
    static byte[] line(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(3)) {
            case 0 -> out.writeBytes(randomBytes(random, random.nextInt(700)));
            case 1 -> out.writeBytes(command(random));
            default -> {
                out.writeBytes(("@" + token(random) + "=" + token(random) + ";+" + token(random) + " ")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(command(random));
            }
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }

    private static byte[] command(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(VERBS.get(random.nextInt(VERBS.size())).getBytes(StandardCharsets.US_ASCII));
        int params = random.nextInt(5);
        for (int i = 0; i < params; i++) {
            out.write(' ');
            if (i == params - 1 && random.nextBoolean()) {
                out.write(':');
            }
            out.writeBytes(param(random));
        }
        return out.toByteArray();
    }

    private static byte[] param(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "#room".getBytes(StandardCharsets.US_ASCII);
            case 1 -> ("#" + token(random)).getBytes(StandardCharsets.UTF_8);
            case 2 ->
                List.of("alice", "bob", "+o", "-v+b", "+k", "*", "0", "*!*@*")
                        .get(random.nextInt(8))
                        .getBytes(StandardCharsets.US_ASCII);
            case 3 -> token(random).getBytes(StandardCharsets.UTF_8);
            default -> controlText(random).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String token(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : '!' + random.nextInt(94));
        }
        return text.toString().replace(" ", "");
    }

    /** Valid UTF-8 that mixes in control characters (BEL, NUL, ^C colours ...), but no line break. */
    private static String controlText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(3) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x60);
            text.append(c == '\r' || c == '\n' ? '?' : (char) c);
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
