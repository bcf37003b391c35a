package dev.parley.testkit;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.HostMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Small predicates over received lines, each of which says what it looks for in its
 * {@code toString()}, so that {@link RawIrcClient}'s failures read as sentences.
 *
 * <p>Nicks and room names compare with {@link CaseMapping#RFC1459}, as Parley does; verbs compare
 * case-insensitively; texts and other parameters compare exactly.
 */
public final class Lines {

    private static final CaseMapping NAMES = CaseMapping.RFC1459;

    private Lines() {}

    /** {@code test}, described as {@code description} in failures. */
    public static Predicate<IrcMessage> described(String description, Predicate<IrcMessage> test) {
        return new Described(description, test);
    }

    public static Predicate<IrcMessage> numeric(Numeric numeric) {
        return described(numeric.code() + " " + numeric.name(), m -> m.command().equals(numeric.code()));
    }

    public static Predicate<IrcMessage> command(String verb) {
        String upper = verb.toUpperCase(Locale.ROOT);
        return described("a " + upper + " line", m -> m.verb().equals(upper));
    }

    /** A line of {@code verb} whose parameters begin with {@code firstParams}, exactly. */
    public static Predicate<IrcMessage> commandWithParams(String verb, String... firstParams) {
        List<String> expected = List.of(firstParams);
        Predicate<IrcMessage> verbMatches = command(verb);
        return described(
                "a " + verb.toUpperCase(Locale.ROOT) + " line with parameters starting " + expected,
                m -> verbMatches.test(m) && startsWith(m.params(), expected));
    }

    /** A line whose source is {@code nick}, with or without {@code !user@host}. */
    public static Predicate<IrcMessage> from(String nick) {
        return described(
                "a line from " + nick,
                m -> m.source() != null && sameName(HostMask.parse(m.source()).nick(), nick));
    }

    public static Predicate<IrcMessage> privmsgFrom(String nick, String target, String text) {
        return message("PRIVMSG", nick, target, text);
    }

    public static Predicate<IrcMessage> noticeFrom(String nick, String target, String text) {
        return message("NOTICE", nick, target, text);
    }

    /** {@code nick}'s JOIN of {@code room}. */
    public static Predicate<IrcMessage> joinOf(String nick, String room) {
        Predicate<IrcMessage> fromNick = from(nick);
        return described(
                nick + " joining " + room,
                m -> m.verb().equals("JOIN") && fromNick.test(m) && sameName(m.param(0), room));
    }

    /** 376 RPL_ENDOFMOTD or 422 ERR_NOMOTD: the end of the registration burst either way. */
    public static Predicate<IrcMessage> endOfMotd() {
        return anyOf(numeric(Numeric.RPL_ENDOFMOTD), numeric(Numeric.ERR_NOMOTD));
    }

    /** 366 RPL_ENDOFNAMES for {@code room}. */
    public static Predicate<IrcMessage> endOfNames(String room) {
        Predicate<IrcMessage> endOfNames = numeric(Numeric.RPL_ENDOFNAMES);
        return described(endOfNames + " for " + room, m -> endOfNames.test(m) && sameName(m.param(1), room));
    }

    /** Any numeric in the error range, 400 to 599. */
    public static Predicate<IrcMessage> errorNumeric() {
        return described("an error numeric (4xx or 5xx)", m -> {
            String code = m.command();
            return code.length() == 3
                    && (code.charAt(0) == '4' || code.charAt(0) == '5')
                    && Character.isDigit(code.charAt(1))
                    && Character.isDigit(code.charAt(2));
        });
    }

    /** An error numeric about {@code target} (its second parameter), such as 403, 474 or 475 for a room. */
    public static Predicate<IrcMessage> errorNumericFor(String target) {
        Predicate<IrcMessage> error = errorNumeric();
        return described("an error numeric for " + target, m -> error.test(m) && sameName(m.param(1), target));
    }

    @SafeVarargs
    public static Predicate<IrcMessage> anyOf(Predicate<IrcMessage>... alternatives) {
        List<Predicate<IrcMessage>> all = new ArrayList<>(alternatives.length);
        for (Predicate<IrcMessage> alternative : alternatives) {
            all.add(alternative);
        }
        String description = all.stream().map(String::valueOf).collect(Collectors.joining(" or "));
        return described(description, m -> all.stream().anyMatch(p -> p.test(m)));
    }

    private static Predicate<IrcMessage> message(String verb, String nick, String target, String text) {
        Predicate<IrcMessage> fromNick = from(nick);
        return described(
                verb + " " + target + " :" + text + " from " + nick,
                m -> m.verb().equals(verb)
                        && fromNick.test(m)
                        && sameName(m.param(0), target)
                        && m.params().size() == 2
                        && text.equals(m.param(1)));
    }

    private static boolean startsWith(List<String> params, List<String> expected) {
        return params.size() >= expected.size()
                && params.subList(0, expected.size()).equals(expected);
    }

    private static boolean sameName(String actual, String expected) {
        return actual != null && NAMES.equal(actual, expected);
    }

    /** A predicate that prints as what it tests for. */
    private record Described(String description, Predicate<IrcMessage> test) implements Predicate<IrcMessage> {

        @Override
        public boolean test(IrcMessage message) {
            return test.test(message);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
