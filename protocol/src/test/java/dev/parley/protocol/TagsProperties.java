package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link Tags} behaves as an unmodifiable {@code LinkedHashMap} filled the same way. */
class TagsProperties {

    @Property
    void buildsWhatALinkedHashMapHolds(
            @ForAll @Size(max = 40) List<@AlphaChars @StringLength(min = 1, max = 2) String> keys,
            @ForAll @Size(max = 40) List<@AlphaChars @StringLength(max = 3) String> values) {
        Map<String, String> expected = new LinkedHashMap<>();
        Tags.Builder builder = Tags.builder();
        for (int i = 0; i < keys.size(); i++) {
            String value = i < values.size() ? values.get(i) : "";
            expected.put(keys.get(i), value);
            builder.put(keys.get(i), value);
        }
        Tags tags = builder.build();

        assertThat(tags).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(new ArrayList<>(tags.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(new ArrayList<>(tags.values())).containsExactlyElementsOf(expected.values());
        expected.forEach((key, value) -> assertThat(tags.get(key)).isEqualTo(value));
        assertThat(Tags.copyOf(expected)).isEqualTo(tags);
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() {
        Tags tags = Tags.builder()
                .put("a", "1")
                .put("b", "2")
                .put("a", "3")
                .put("c", null)
                .build();

        assertThat(tags.keySet()).containsExactly("a", "b", "c");
        assertThat(tags).containsEntry("a", "3").containsEntry("c", "");
    }

    @Test
    void thousandsOfRepeatedTinyTagsStayLinear() {
        Tags.Builder builder = Tags.builder();
        for (int i = 0; i < 200_000; i++) {
            builder.put(Integer.toString(i % 3_000, 36), "v");
        }
        assertThat(builder.build()).hasSize(3_000);
    }

    @Test
    void cannotBeChangedNorItsBuilderReused() {
        Tags.Builder builder = Tags.builder().put("a", "1");
        Tags tags = builder.build();

        assertThatThrownBy(() -> tags.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tags.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> builder.put("b", "2")).isInstanceOf(NullPointerException.class);
        assertThat(IrcMessage.of("PING").withTags(tags).tags()).isSameAs(tags);
    }
}
