package dev.parley.protocol.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.Mask;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Mask} against every vector of {@code mask-match.yaml}, under both case mappings (none of
 * the vectors depends on case, so both must agree with them).
 */
class MaskVectorTest {

    @TestFactory
    Stream<DynamicTest> everyMaskMatchesItsMatchesAndRejectsItsFails() {
        return ParserTestVectors.tests("mask-match.yaml").stream()
                .flatMap(test -> Stream.of(CaseMapping.values())
                        .map(mapping -> DynamicTest.dynamicTest(
                                test.get("mask") + " (" + mapping.token() + ")", () -> check(test, mapping))));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> test, CaseMapping mapping) {
        Mask mask = Mask.of((String) test.get("mask"), mapping);
        for (String text : (List<String>) test.getOrDefault("matches", List.of())) {
            assertThat(mask.matches(text)).as("%s matches %s", mask, text).isTrue();
        }
        for (String text : (List<String>) test.getOrDefault("fails", List.of())) {
            assertThat(mask.matches(text))
                    .as("%s does not match %s", mask, text)
                    .isFalse();
        }
    }
}
