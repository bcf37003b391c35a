package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the ircdocs vectors do not cover: lines the parser must refuse. */
class IrcParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"PRIVMSG #a :hi\rQUIT", "PRIVMSG #a :hi\nQUIT", "PRIVMSG #a :h\0i", "@k=v\r PRIVMSG #a x"})
    void aLineHoldingNulCrOrLfIsMalformedAndNamesItsCommand(String line) {
        assertThat(IrcParser.parse(line))
                .isEqualTo(new ParseResult.Malformed("NUL, CR or LF inside the line", "PRIVMSG"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "@a=b", "@a=b ", ":src", ":src  "})
    void aLineWithoutACommandIsMalformed(String line) {
        assertThat(IrcParser.parse(line)).isInstanceOf(ParseResult.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIV.MSG #a", "PRIVMSG\t#a", "command_that_does_not_exist"})
    void aVerbThatIsNotACommandWordIsAnInvalidCommandNamingIt(String line) {
        assertThat(IrcParser.parse(line))
                .isEqualTo(new ParseResult.InvalidCommand(line.split(" ")[0], java.util.Map.of()));
    }

    @Test
    void anInvalidCommandKeepsItsTagsSoTheReplyCanCarryTheLabel() {
        assertThat(IrcParser.parse("@label=x BAD_VERB a"))
                .isEqualTo(new ParseResult.InvalidCommand("BAD_VERB", java.util.Map.of("label", "x")));
    }

    @Test
    void aNullLineIsMalformed() {
        assertThat(IrcParser.parse(null)).isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void aTabInsideATrailingParameterIsKept() {
        ParseResult result = IrcParser.parse("PRIVMSG #a :one\ttwo");

        assertThat(result).isEqualTo(new ParseResult.Parsed(IrcMessage.of("PRIVMSG", "#a", "one\ttwo")));
    }

    @Test
    void aTagWithAnEmptyKeyIsIgnored() {
        ParseResult result = IrcParser.parse("@=x;k=v PING a");

        assertThat(((ParseResult.Parsed) result).message().tags()).containsExactly(java.util.Map.entry("k", "v"));
        assertThat(((ParseResult.Parsed) result).message().params()).isEqualTo(List.of("a"));
    }
}
