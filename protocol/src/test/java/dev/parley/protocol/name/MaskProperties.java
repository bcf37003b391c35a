package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Mask} agrees with an obviously correct, slow oracle: the folded mask turned into a regular
 * expression ({@code *} as {@code .*}, {@code ?} as {@code .}, everything else literal). The text may
 * itself hold {@code *} and {@code ?}, which must then match only as ordinary characters.
 */
class MaskProperties {

    @Property(tries = 5000)
    void maskMatchingAgreesWithARegexOracle(
            @ForAll CaseMapping mapping, @ForAll("patterns") String pattern, @ForAll("texts") String text) {
        boolean expected =
                oracle(mapping.fold(pattern)).matcher(mapping.fold(text)).matches();

        assertThat(Mask.of(pattern, mapping).matches(text))
                .as("%s against %s", pattern, text)
                .isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab*?![{@.").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB*?![{@.\n").ofMaxLength(10);
    }

    private static Pattern oracle(String foldedMask) {
        StringBuilder regex = new StringBuilder();
        for (char c : foldedMask.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
