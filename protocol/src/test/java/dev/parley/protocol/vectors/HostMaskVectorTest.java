package dev.parley.protocol.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.HostMask;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link HostMask#parse} against every vector of {@code userhost-split.yaml}. The vectors write a
 * missing part as absent (meaning empty); {@code HostMask} gives {@code null} for it, so both sides
 * are compared with missing as "".
 */
class HostMaskVectorTest {

    @TestFactory
    Stream<DynamicTest> everyUserhostSplitsIntoNickUserAndHost() {
        return ParserTestVectors.tests("userhost-split.yaml").stream()
                .map(test -> DynamicTest.dynamicTest(
                        IrcParserVectorTest.printable((String) test.get("source")), () -> check(test)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> test) {
        Map<String, Object> atoms = (Map<String, Object>) test.get("atoms");
        HostMask parsed = HostMask.parse((String) test.get("source"));
        assertThat(orEmpty(parsed.nick())).as("nick").isEqualTo(orEmpty(atoms.get("nick")));
        assertThat(orEmpty(parsed.user())).as("user").isEqualTo(orEmpty(atoms.get("user")));
        assertThat(orEmpty(parsed.host())).as("host").isEqualTo(orEmpty(atoms.get("host")));
    }

    private static String orEmpty(Object part) {
        return part == null ? "" : part.toString();
    }
}
