package dev.parley.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusMessageTest {

    @Test
    void aMessageSurvivesTheBusWithItsLineWhole() {
        BusMessage message = new BusMessage(
                "node-a", "#room", 42, '@', "@time=2026-01-01T00:00:00.000Z;msgid=x :a!a@h PRIVMSG @#room :hi there");

        assertThat(BusMessage.decode(message.encode())).isEqualTo(message);
    }

    @Test
    void noStatusPrefixTravelsAsADash() {
        BusMessage message = new BusMessage("b", "#r", 1, '\0', ":a!a@h PRIVMSG #r :x");

        assertThat(message.encode()).isEqualTo("b #r 1 - :a!a@h PRIVMSG #r :x");
        assertThat(BusMessage.decode(message.encode())).isEqualTo(message);
    }

    @Test
    void somethingElseOnTheChannelIsNotAMessage() {
        assertThat(BusMessage.decode("+ node nick")).isNull();
        assertThat(BusMessage.decode("a #r notanumber - line")).isNull();
    }
}
