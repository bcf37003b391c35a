package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"#general", "#dev-team", "#a", "##meta", "#café", "#[x]"})
    void roomNamesWithAHashAndOrdinaryCharactersAreValid(String name) {
        assertThat(ChannelName.isValid(name, 50)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "#",
                "general",
                "&local",
                "#a b",
                "#a,b",
                "#a:b",
                "#a\u0007",
                "#a\0",
                "#a\r",
                "#a\n",
                "#a\u0002"
            })
    void roomNamesWithoutAHashOrWithSeparatorsOrControlsAreInvalid(String name) {
        assertThat(ChannelName.isValid(name, 50)).isFalse();
    }

    @Test
    void aRoomNameLongerThanTheLimitIsInvalid() {
        assertThat(ChannelName.isValid("#abcd", 5)).isTrue();
        assertThat(ChannelName.isValid("#abcde", 5)).isFalse();
    }

    @Test
    void onlyHashPrefixedTargetsLookLikeRooms() {
        assertThat(ChannelName.looksLikeRoom("#general")).isTrue();
        assertThat(ChannelName.looksLikeRoom("bob")).isFalse();
        assertThat(ChannelName.looksLikeRoom("")).isFalse();
        assertThat(ChannelName.looksLikeRoom(null)).isFalse();
    }
}
