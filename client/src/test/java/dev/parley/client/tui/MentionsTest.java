package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "alice       | alice: lunch?             | true",
                "alice       | lunch, ALICE?             | true",
                "alice       | ping @alice               | true",
                "alice       | malice aforethought       | false",
                "alice       | alice_ is someone else    | false",
                "alice       | nobody                    | false",
                "a[b]        | hey A{B} there            | true",
            })
    void ourNickAsAWordOfItsOwnIsAMention(String nick, String text, boolean mention) {
        assertThat(Mentions.mentions(nick, text, CaseMapping.RFC1459)).isEqualTo(mention);
    }
}
