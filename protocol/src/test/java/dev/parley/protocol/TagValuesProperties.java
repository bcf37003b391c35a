package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/** Tag values survive escaping, and escaped values never break the tag section apart. */
class TagValuesProperties {

    @Property(tries = 2000)
    void unescapingAnEscapedValueGivesTheValueBack(@ForAll String value) {
        assertThat(TagValues.unescape(TagValues.escape(value))).isEqualTo(value);
    }

    @Property(tries = 2000)
    void escapingMetacharactersRoundTrips(
            @ForAll @Chars({';', ' ', '\\', '\r', '\n', ':', 's', 'r', 'n'}) @CharRange(from = 'a', to = 'c')
                    String value) {
        assertThat(TagValues.unescape(TagValues.escape(value))).isEqualTo(value);
    }

    @Property
    void anEscapedValueHoldsNoSemicolonSpaceOrLineBreak(@ForAll String value) {
        assertThat(TagValues.escape(value)).doesNotContain(";", " ", "\r", "\n");
    }

    @Property
    void unescapingNeverThrows(@ForAll @Chars({'\\', ':', 's', 'r', 'n', 'x'}) String value) {
        TagValues.unescape(value);
    }
}
