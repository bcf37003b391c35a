package dev.parley.protocol.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseMappingTest {

    @Test
    void rfc1459FoldsBracketsBackslashAndTildeToTheirLowerCaseForms() {
        assertThat(CaseMapping.RFC1459.fold("[]\\~")).isEqualTo("{}|^");
    }

    @Test
    void rfc1459TreatsNicksDifferingOnlyInBracketCaseAsEqual() {
        assertThat(CaseMapping.RFC1459.equal("Bob[away]", "bob{AWAY}")).isTrue();
        assertThat(CaseMapping.RFC1459.equal("a\\b~", "A|B^")).isTrue();
    }

    @Test
    void asciiFoldsOnlyLetters() {
        assertThat(CaseMapping.ASCII.fold("Bob[]\\~")).isEqualTo("bob[]\\~");
        assertThat(CaseMapping.ASCII.equal("bob[", "bob{")).isFalse();
    }

    @Test
    void nonAsciiLettersAreNotFolded() {
        assertThat(CaseMapping.RFC1459.fold("ÉCOLE")).isEqualTo("École");
        assertThat(CaseMapping.RFC1459.equal("É", "é")).isFalse();
    }

    @Test
    void differentNamesAreNotEqual() {
        assertThat(CaseMapping.RFC1459.equal("bob", "bobby")).isFalse();
        assertThat(CaseMapping.RFC1459.equal("bob", "rob")).isFalse();
    }

    @Test
    void tokensAreTheIsupportValues() {
        assertThat(CaseMapping.RFC1459.token()).isEqualTo("rfc1459");
        assertThat(CaseMapping.ASCII.token()).isEqualTo("ascii");
    }
}
