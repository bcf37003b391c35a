package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The parser reads whatever a client sends: any string gives a {@code Parsed}, a {@code Malformed} or an
 * {@code InvalidCommand},
 * never an exception, because the server must answer bad input, not crash the connection.
 */
class IrcParserProperties {

    @Property(tries = 3000)
    void anyStringParsesOrIsMalformedWithoutThrowing(@ForAll String line) {
        assertThat(IrcParser.parse(line)).isNotNull();
    }

    @Property(tries = 5000)
    void anyStringOfIrcSyntaxCharactersParsesOrIsMalformedWithoutThrowing(
            @ForAll
                    @Chars({'@', ':', ';', '=', ' ', '\\', '!', '\r', '\n', '\0', '\t'})
                    @CharRange(from = 'a', to = 'c')
                    @StringLength(max = 30)
                    String line) {
        ParseResult result = IrcParser.parse(line);

        if (result instanceof ParseResult.Parsed parsed) {
            assertThat(parsed.message().command()).isNotEmpty();
        } else {
            assertThat(result.problem()).isNotBlank();
        }
    }
}
