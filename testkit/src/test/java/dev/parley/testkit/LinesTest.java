package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.ParseResult;
import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void numericMatchesItsCodeAndSaysItsName() {
        assertThat(Lines.numeric(Numeric.RPL_WELCOME).test(line(":srv 001 bob :hi")))
                .isTrue();
        assertThat(Lines.numeric(Numeric.RPL_WELCOME).test(line(":srv 002 bob :hi")))
                .isFalse();
        assertThat(Lines.numeric(Numeric.RPL_WELCOME)).hasToString("001 RPL_WELCOME");
    }

    @Test
    void commandIgnoresTheCaseOfTheVerb() {
        assertThat(Lines.command("privmsg").test(line("PRIVMSG #a :x"))).isTrue();
        assertThat(Lines.command("PRIVMSG").test(line("privmsg #a :x"))).isTrue();
    }

    @Test
    void commandWithParamsMatchesTheLeadingParameters() {
        assertThat(Lines.commandWithParams("MODE", "#a", "+o").test(line(":op MODE #a +o bob")))
                .isTrue();
        assertThat(Lines.commandWithParams("MODE", "#a", "+v").test(line(":op MODE #a +o bob")))
                .isFalse();
        assertThat(Lines.commandWithParams("MODE", "#a", "+o", "bob", "x").test(line(":op MODE #a +o bob")))
                .isFalse();
    }

    @Test
    void privmsgFromComparesNickAndTargetByCaseMappingAndTextExactly() {
        IrcMessage message = line(":Bob[1]!b@host PRIVMSG #General :Hello there");

        assertThat(Lines.privmsgFrom("bob{1}", "#general", "Hello there").test(message))
                .isTrue();
        assertThat(Lines.privmsgFrom("bob{1}", "#general", "hello there").test(message))
                .isFalse();
        assertThat(Lines.noticeFrom("bob{1}", "#general", "Hello there").test(message))
                .isFalse();
    }

    @Test
    void fromAcceptsASourceWithOrWithoutUserAndHost() {
        assertThat(Lines.from("bob").test(line(":bob PING x"))).isTrue();
        assertThat(Lines.from("bob").test(line(":bob!u@h PING x"))).isTrue();
        assertThat(Lines.from("bob").test(line("PING x"))).isFalse();
    }

    @Test
    void joinOfMatchesTheNicksJoinOfTheRoom() {
        assertThat(Lines.joinOf("bob", "#a").test(line(":bob!u@h JOIN #A"))).isTrue();
        assertThat(Lines.joinOf("bob", "#a").test(line(":eve!u@h JOIN #a"))).isFalse();
    }

    @Test
    void endOfMotdIsEither376Or422() {
        assertThat(Lines.endOfMotd().test(line(":srv 376 bob :End"))).isTrue();
        assertThat(Lines.endOfMotd().test(line(":srv 422 bob :No MOTD"))).isTrue();
        assertThat(Lines.endOfMotd()).hasToString("376 RPL_ENDOFMOTD or 422 ERR_NOMOTD");
    }

    @Test
    void errorNumericCoversThe400sAnd500sOnly() {
        assertThat(Lines.errorNumeric().test(line(":srv 433 * bob :in use"))).isTrue();
        assertThat(Lines.errorNumeric().test(line(":srv 501 bob :unknown"))).isTrue();
        assertThat(Lines.errorNumeric().test(line(":srv 376 bob :End"))).isFalse();
        assertThat(Lines.errorNumeric().test(line("4AB x"))).isFalse();
    }

    @Test
    void errorNumericForMatchesOnlyErrorsAboutThatTarget() {
        assertThat(Lines.errorNumericFor("#a").test(line(":srv 474 bob #A :banned")))
                .isTrue();
        assertThat(Lines.errorNumericFor("#a").test(line(":srv 474 bob #b :banned")))
                .isFalse();
        assertThat(Lines.errorNumericFor("#a").test(line(":srv 366 bob #a :End")))
                .isFalse();
    }

    private static IrcMessage line(String text) {
        return ((ParseResult.Parsed) IrcParser.parse(text)).message();
    }
}
