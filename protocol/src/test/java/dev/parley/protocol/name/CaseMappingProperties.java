package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Folding is what every nick and room map is keyed by, so it must be stable (folding twice changes
 * nothing) and comparison must not depend on argument order.
 */
class CaseMappingProperties {

    @Property
    void foldingIsIdempotent(@ForAll CaseMapping mapping, @ForAll String name) {
        String once = mapping.fold(name);

        assertThat(mapping.fold(once)).isEqualTo(once);
    }

    @Property(tries = 2000)
    void equalIsSymmetric(@ForAll CaseMapping mapping, @ForAll("nickish") String a, @ForAll("nickish") String b) {
        assertThat(mapping.equal(a, b)).isEqualTo(mapping.equal(b, a));
    }

    @Property(tries = 2000)
    void equalMeansTheSameFoldedForm(
            @ForAll CaseMapping mapping, @ForAll("nickish") String a, @ForAll("nickish") String b) {
        assertThat(mapping.equal(a, b)).isEqualTo(mapping.fold(a).equals(mapping.fold(b)));
    }

    @Property
    void aNameEqualsItsOwnFoldedForm(@ForAll CaseMapping mapping, @ForAll String name) {
        assertThat(mapping.equal(name, mapping.fold(name))).isTrue();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nickish() {
        return net.jqwik.api.Arbitraries.strings().withChars("aAbB[]{}\\|~^").ofMaxLength(3);
    }
}
