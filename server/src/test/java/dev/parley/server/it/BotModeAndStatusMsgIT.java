package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import org.junit.jupiter.api.Test;

class BotModeAndStatusMsgIT {

    @Test
    void aBotsMessagesCarryTheBotTagAndWhoisSaysSo() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bot = server.user("beeper");
            RawIrcClient user = server.connect();
            user.registerWithCaps("human", "chat@123", "message-tags");
            bot.send("MODE beeper +B");
            assertThat(bot.expectCommand("MODE").lastParam()).isEqualTo("+B");

            bot.send("PRIVMSG human :beep boop");
            IrcMessage received = user.expect(Lines.privmsgFrom("beeper", "human", "beep boop"));
            assertThat(received.tags()).containsKey("bot");

            user.send("WHOIS beeper");
            assertThat(user.expect(Numeric.RPL_WHOISBOT).param(1)).isEqualTo("beeper");
        }
    }

    @Test
    void statusMessagesReachOnlyOperatorsOrVoicedMembers() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient op = server.user("op");
            RawIrcClient voiced = server.user("voiced");
            RawIrcClient plain = server.user("plain");
            op.join("#room");
            voiced.join("#room");
            plain.join("#room");
            op.send("MODE #room +v voiced");
            voiced.expectCommand("MODE");

            plain.send("PRIVMSG @#room :ops only");
            op.expect(Lines.privmsgFrom("plain", "@#room", "ops only"));
            plain.send("PRIVMSG +#room :voiced and ops");
            op.expect(Lines.privmsgFrom("plain", "+#room", "voiced and ops"));
            voiced.expect(Lines.privmsgFrom("plain", "+#room", "voiced and ops"));
            // everything the voiced member received up to the +#room line: the @#room one is not there
            assertThat(voiced.transcript()).noneMatch(line -> line.contains("@#room"));
        }
    }
}
