package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = hasher.hash("sesame-seed");

        assertThat(hash).startsWith("$2a$04$").hasSize(60).doesNotContain("sesame");
        assertThat(hasher.matches("sesame-seed", hash)).isTrue();
        assertThat(hasher.matches("sesame-seeD", hash)).isFalse();
        assertThat(hasher.hash("sesame-seed")).isNotEqualTo(hash);
    }

    @Test
    void everyByteOfAPasswordLongerThanBcryptReadsCounts() {
        String longPassword = "x".repeat(100);
        String hash = hasher.hash(longPassword);

        assertThat(hasher.matches(longPassword, hash)).isTrue();
        assertThat(hasher.matches("x".repeat(99) + "y", hash))
                .as("differs after byte 72")
                .isFalse();
        assertThat(hasher.matches("x".repeat(72), hash)).isFalse();
    }

    @Test
    void hashesMadeByOtherBcryptToolsAreChecked() {
        String twoB = new String(
                BCrypt.with(BCrypt.Version.VERSION_2B).hash(5, "from-htpasswd".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);

        assertThat(hasher.matches("from-htpasswd", twoB)).isTrue();
        assertThat(hasher.matches("not-it", twoB)).isFalse();
    }

    @Test
    void malformedHashesAndOverlongPasswordsNeverMatch() {
        assertThat(hasher.matches("anything", "not-a-hash")).isFalse();
        assertThat(hasher.matches("x".repeat(PasswordHasher.MAX_PASSWORD_BYTES + 1), hasher.hash("x")))
                .isFalse();
        assertThat(hasher.matchNothing("anything")).isFalse();
        assertThatThrownBy(() -> hasher.hash("x".repeat(PasswordHasher.MAX_PASSWORD_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
