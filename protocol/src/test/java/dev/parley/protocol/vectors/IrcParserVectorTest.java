package dev.parley.protocol.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@link IrcParser} against every vector of {@code msg-split.yaml}; none is skipped. */
class IrcParserVectorTest {

    @TestFactory
    Stream<DynamicTest> everyMsgSplitLineParsesIntoItsAtoms() {
        return ParserTestVectors.tests("msg-split.yaml").stream()
                .map(test -> DynamicTest.dynamicTest(printable((String) test.get("input")), () -> check(test)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> test) {
        String input = (String) test.get("input");
        IrcMessage expected = Atoms.toMessage((Map<String, Object>) test.get("atoms"));
        ParseResult result = IrcParser.parse(input);
        assertThat(result).as("parse of %s", printable(input)).isInstanceOf(ParseResult.Parsed.class);
        IrcMessage actual = ((ParseResult.Parsed) result).message();
        assertThat(actual.tags()).as("tags").isEqualTo(expected.tags());
        assertThat(actual.source()).as("source").isEqualTo(expected.source());
        assertThat(actual.command()).as("verb").isEqualTo(expected.command());
        assertThat(actual.params()).as("params").isEqualTo(expected.params());
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
