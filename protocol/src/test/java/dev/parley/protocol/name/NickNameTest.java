package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NickNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"bob", "Bob", "b", "[away]", "bob_", "bob-2", "`tick", "{x}", "a|b", "\\o^"})
    void ordinaryAndSpecialCharacterNicksAreValid(String nick) {
        assertThat(NickName.isValid(nick, 30)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2bob", "-bob", "bo b", "bob!", "bob@x", "#bob", "bob,al", ":bob", "bob*", "bób"})
    void nicksStartingWithADigitOrDashOrHoldingOtherCharactersAreInvalid(String nick) {
        assertThat(NickName.isValid(nick, 30)).isFalse();
    }

    @Test
    void aNickLongerThanTheLimitIsInvalidAndOneAtTheLimitIsValid() {
        assertThat(NickName.isValid("abcde", 5)).isTrue();
        assertThat(NickName.isValid("abcdef", 5)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(NickName.isValid(null, 30)).isFalse();
    }
}
