package dev.parley.protocol.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcSerializer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link IrcSerializer} against every vector of {@code msg-join.yaml}: the line must be one of the
 * listed {@code matches}, since the vectors allow several spellings (trailing or not, tag order).
 */
class IrcSerializerVectorTest {

    @TestFactory
    Stream<DynamicTest> everyMsgJoinMessageSerializesToOneOfItsAcceptedLines() {
        return ParserTestVectors.tests("msg-join.yaml").stream()
                .map(test -> DynamicTest.dynamicTest((String) test.get("desc"), () -> check(test)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> test) {
        String line = IrcSerializer.serialize(Atoms.toMessage((Map<String, Object>) test.get("atoms")));
        assertThat(line).isIn((List<String>) test.get("matches"));
    }
}
