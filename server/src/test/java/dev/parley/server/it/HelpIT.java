package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpIT {

    @Test
    void everyCommandTheIndexNamesHasItsOwnHelp() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient user = server.admin(); // operators are exempt from flood control: ~45 lines at once
            user.send("HELP");
            user.expect(Numeric.RPL_HELPSTART);
            List<IrcMessage> index = user.collectUntil(Lines.numeric(Numeric.RPL_ENDOFHELP));

            List<String> commands = new ArrayList<>();
            for (IrcMessage line : index.subList(0, index.size() - 1)) {
                String text = line.lastParam();
                for (String word : text.substring(text.indexOf(':') + 1).trim().split(" ")) {
                    commands.add(word);
                }
            }
            assertThat(commands).contains("PRIVMSG", "JOIN", "BAN", "HISTORY", "MONITOR");
            for (String command : commands) {
                user.send("HELPOP " + command.toLowerCase());
                IrcMessage start = user.expect(Lines.numeric(Numeric.RPL_HELPSTART));
                assertThat(start.param(1)).isEqualTo(command);
                user.expect(Lines.numeric(Numeric.RPL_ENDOFHELP));
            }
        }
    }

    @Test
    void anUnknownTopicGets524() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient user = server.user("reader");
            user.send("HELP NOSUCHTHING");
            assertThat(user.expect(Numeric.ERR_HELPNOTFOUND).param(1)).isEqualTo("NOSUCHTHING");
        }
    }
}
