package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever valid message the server builds, the parser on the other side reads back the same
 * message: tags with any value, any source, and a last parameter that may hold spaces, start with
 * ':' or be empty.
 */
class MessageRoundTripProperties {

    @Property(tries = 2000)
    void parsingASerializedMessageGivesTheSameMessage(@ForAll("messages") IrcMessage message) {
        ParseResult result = IrcParser.parse(IrcSerializer.serialize(message));

        assertThat(result).isEqualTo(new ParseResult.Parsed(message));
    }

    @Property
    void aSerializedMessageIsOneLine(@ForAll("messages") IrcMessage message) {
        assertThat(IrcSerializer.serialize(message)).doesNotContain("\r", "\n", "\0");
    }

    @Provide
    Arbitrary<IrcMessage> messages() {
        return Combinators.combine(tags(), sources(), commands(), middleParams(), lastParam())
                .as((tags, source, command, middle, last) ->
                        new IrcMessage(tags, source, command, params(middle, last)));
    }

    private static List<String> params(List<String> middle, String last) {
        if (last == null) {
            return middle;
        }
        List<String> all = new java.util.ArrayList<>(middle);
        all.add(last);
        return all;
    }

    private static Arbitrary<Map<String, String>> tags() {
        Arbitrary<String> keys = Combinators.combine(
                        Arbitraries.of("", "+"),
                        Arbitraries.of("", "example.com/", "draft/"),
                        Arbitraries.strings()
                                .withChars("abcxyz0123456789-")
                                .ofMinLength(1)
                                .ofMaxLength(8))
                .as((client, vendor, name) -> client + vendor + name);
        Arbitrary<String> values = Arbitraries.strings()
                .withChars("ab; \\\r\n:s=@!é")
                .withCharRange('\u0001', '\u007f')
                .ofMaxLength(12);
        return Arbitraries.maps(keys, values).ofMaxSize(4);
    }

    private static Arbitrary<String> sources() {
        Arbitrary<String> host =
                Arbitraries.strings().withChars("abc.-:").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> user =
                Arbitraries.strings().withChars("~abc").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> nick = Arbitraries.strings()
                .withChars("abcXYZ[]\\`_^{|}-")
                .ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<String> full = Combinators.combine(nick, user, host).as((n, u, h) -> n + "!" + u + "@" + h);
        return Arbitraries.oneOf(host, full, Arbitraries.just(null));
    }

    private static Arbitrary<String> commands() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> numerics = Arbitraries.strings().numeric().ofLength(3);
        return Arbitraries.oneOf(words, numerics);
    }

    private static Arbitrary<List<String>> middleParams() {
        Arbitrary<String> middle = Arbitraries.strings()
                .withCharRange('!', '~')
                .withChars("\t\u0003é")
                .ofMinLength(1)
                .ofMaxLength(8)
                .filter(p -> p.charAt(0) != ':');
        return middle.list().ofMaxSize(5);
    }

    private static Arbitrary<String> lastParam() {
        Arbitrary<String> trailing = Arbitraries.strings()
                .withChars(" :")
                .withCharRange('!', '~')
                .withChars("\t\u0003é")
                .ofMaxLength(20);
        return Arbitraries.oneOf(
                trailing, Arbitraries.of("", ":", " ", "::x", " lead", "trail "), Arbitraries.just(null));
    }
}
