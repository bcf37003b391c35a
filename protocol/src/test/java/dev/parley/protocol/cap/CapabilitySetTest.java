package dev.parley.protocol.cap;

import static dev.parley.protocol.cap.Capability.ECHO_MESSAGE;
import static dev.parley.protocol.cap.Capability.MESSAGE_TAGS;
import static dev.parley.protocol.cap.Capability.SERVER_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitySetTest {

    @Test
    void noneHasNothing() {
        assertThat(CapabilitySet.NONE.asSet()).isEmpty();
        assertThat(CapabilitySet.NONE.has(ECHO_MESSAGE)).isFalse();
    }

    @Test
    void withAddsAndLeavesTheOriginalUnchanged() {
        CapabilitySet before = CapabilitySet.of(List.of(SERVER_TIME));

        CapabilitySet after = before.with(List.of(ECHO_MESSAGE, MESSAGE_TAGS));

        assertThat(after.asSet()).containsExactlyInAnyOrder(SERVER_TIME, ECHO_MESSAGE, MESSAGE_TAGS);
        assertThat(before.asSet()).containsExactly(SERVER_TIME);
    }

    @Test
    void withoutRemovesAndLeavesTheOriginalUnchanged() {
        CapabilitySet before = CapabilitySet.of(List.of(SERVER_TIME, ECHO_MESSAGE));

        CapabilitySet after = before.without(List.of(ECHO_MESSAGE, MESSAGE_TAGS));

        assertThat(after.asSet()).containsExactly(SERVER_TIME);
        assertThat(before.has(ECHO_MESSAGE)).isTrue();
    }

    @Test
    void addingToAndRemovingFromNoneWork() {
        assertThat(CapabilitySet.NONE.with(List.of(SERVER_TIME)).has(SERVER_TIME))
                .isTrue();
        assertThat(CapabilitySet.NONE.without(List.of(SERVER_TIME))).isEqualTo(CapabilitySet.NONE);
    }

    @Test
    void setsWithTheSameCapabilitiesAreEqual() {
        CapabilitySet a = CapabilitySet.of(List.of(SERVER_TIME, ECHO_MESSAGE));
        CapabilitySet b = CapabilitySet.NONE.with(List.of(ECHO_MESSAGE)).with(List.of(SERVER_TIME));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(CapabilitySet.of(List.of(SERVER_TIME)));
    }

    @Test
    void asSetIsACopyThatCannotChangeTheSet() {
        CapabilitySet set = CapabilitySet.of(List.of(SERVER_TIME));

        try {
            set.asSet().add(ECHO_MESSAGE);
        } catch (UnsupportedOperationException expected) {
            // an unmodifiable view is fine too
        }

        assertThat(set.has(ECHO_MESSAGE)).isFalse();
    }

    @Test
    void capabilitiesAreFoundByTheirWireNames() {
        assertThat(Capability.byName("echo-message")).contains(ECHO_MESSAGE);
        assertThat(Capability.byName("draft/chathistory")).contains(Capability.CHATHISTORY);
        assertThat(Capability.byName("no-such-cap")).isEmpty();
    }
}
