package dev.parley.server.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Mutates a valid IRC line into a nearly valid one: parameters replaced, dropped, repeated or made
 * huge, bytes inserted, flipped or cut, tags and a source prefix added. A tenth of the lines stay
 * valid, so handlers run deep as well as wide. Deterministic for a given {@link Random}.
 */
final class Mutations {

    private static final List<String> TAGS = List.of(
            "label=L1",
            "batch=nosuch",
            "+draft/reply=abc",
            "+typing=active",
            "msgid=forged",
            "time=2020-01-01T00:00:00Z",
            "account=admin",
            "+x=" + "v".repeat(3000),
            "+a=\\s\\:\\\\",
            "=",
            ";;",
            "+",
            "label=" + "l".repeat(80));

    private static final List<String> ODD_PARAMS =
            List.of("", ":", "::", "-", "+", "#", "&", "!", "@", "%", ",", ",,,", "\u00e9\u00e9", "\u202e");

    private Mutations() {}

    /** {@code valid} after zero to three mutations, ending in CR LF. */
    static byte[] mutate(String valid, Random random) {
        byte[] line = valid.getBytes(StandardCharsets.UTF_8);
        int rounds = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            line = once(line, random);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 2);
        out.writeBytes(line);
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }

    private static byte[] once(byte[] line, Random random) {
        String text = new String(line, StandardCharsets.UTF_8);
        return switch (random.nextInt(11)) {
            case 0 -> withParams(text, random, Mutations::replaceParam);
            case 1 ->
                withParams(text, random, (params, r) -> {
                    if (params.size() > 1) {
                        params.remove(1 + r.nextInt(params.size() - 1));
                    }
                });
            case 2 ->
                withParams(text, random, (params, r) -> {
                    int extra = 1 + r.nextInt(r.nextBoolean() ? 3 : 30);
                    for (int i = 0; i < extra; i++) {
                        params.add(Math.min(params.size(), 1 + r.nextInt(params.size())), pick(r));
                    }
                });
            case 3 -> insert(line, random.nextInt(line.length + 1), oddBytes(random));
            case 4 -> flip(line, random);
            case 5 -> cut(line, random);
            case 6 -> concat((("@" + tags(random)) + " ").getBytes(StandardCharsets.UTF_8), line);
            case 7 -> concat((":" + pick(random) + "!u@h ").getBytes(StandardCharsets.UTF_8), line);
            case 8 ->
                withParams(
                        text, random, (params, r) -> params.set(0, params.get(0).toLowerCase(Locale.ROOT)));
            case 9 ->
                withParams(
                        text,
                        random,
                        (params, r) -> params.set(
                                Math.max(1, params.size() - 1),
                                (r.nextBoolean() ? ":" : "") + "x".repeat(300 + r.nextInt(400))));
            default ->
                withParams(text, random, (params, r) -> {
                    int last = params.size() - 1;
                    params.set(
                            last,
                            params.get(last).startsWith(":") ? params.get(last).substring(1) : ":" + params.get(last));
                });
        };
    }

    private interface ParamEdit {
        void apply(List<String> params, Random random);
    }

    /** Splits at spaces (the first word is the verb, or tags), edits, joins again. */
    private static byte[] withParams(String text, Random random, ParamEdit edit) {
        List<String> params = new ArrayList<>(List.of(text.split(" ", -1)));
        if (params.size() == 1) {
            params.add(pick(random));
        }
        edit.apply(params, random);
        return String.join(" ", params).getBytes(StandardCharsets.UTF_8);
    }

    private static void replaceParam(List<String> params, Random random) {
        params.set(1 + random.nextInt(params.size() - 1), pick(random));
    }

    private static String pick(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> token(random);
            case 1 -> ODD_PARAMS.get(random.nextInt(ODD_PARAMS.size()));
            default -> ValidLines.PARAMS.get(random.nextInt(ValidLines.PARAMS.size()));
        };
    }

    private static String tags(Random random) {
        StringBuilder tags = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            tags.append(i == 0 ? "" : ";")
                    .append(random.nextInt(4) == 0 ? token(random) : TAGS.get(random.nextInt(TAGS.size())));
        }
        return tags.toString();
    }

    private static String token(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(16);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(5) == 0 ? 0x80 + random.nextInt(0x2000) : '!' + random.nextInt(94));
        }
        return text.toString();
    }

    /** NUL, CR, LF, a lone UTF-8 continuation or lead byte, BEL, ^C, DEL, or a few random bytes. */
    private static byte[] oddBytes(Random random) {
        byte[][] odd = {{0}, {'\r'}, {'\n'}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xFF}, {7}, {3, '4'}, {0x7F}, {' '}};
        if (random.nextInt(4) == 0) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            random.nextBytes(bytes);
            return bytes;
        }
        return odd[random.nextInt(odd.length)];
    }

    private static byte[] insert(byte[] line, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + what.length);
        out.write(line, 0, at);
        out.writeBytes(what);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] line, Random random) {
        byte[] copy = line.clone();
        if (copy.length > 0) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] cut(byte[] line, Random random) {
        byte[] copy = new byte[line.length == 0 ? 0 : random.nextInt(line.length)];
        System.arraycopy(line, 0, copy, 0, copy.length);
        return copy;
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        return insert(tail, 0, head);
    }
}
