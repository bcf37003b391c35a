package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import org.junit.jupiter.api.Test;

class MetadataCommandsTest {

    private final CommandBench bench = new CommandBench();

    @Test
    void aUserSetsAndReadsItsOwnKeys() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "METADATA * SET avatar :https://example.org/a.png"))
                .containsExactly(":parley.local 761 alice alice avatar * https://example.org/a.png");
        assertThat(bench.ask(alice, "METADATA alice GET avatar pronouns"))
                .containsExactly(
                        ":parley.local 761 alice alice avatar * https://example.org/a.png",
                        ":parley.local 766 alice alice pronouns :key not set");
    }

    @Test
    void othersMayReadAUsersKeysButNotChangeThem() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "METADATA * SET pronouns she/her");

        assertThat(bench.ask(bob, "METADATA alice LIST"))
                .containsExactly(":parley.local 761 bob alice pronouns * she/her");
        assertThat(bench.ask(bob, "METADATA alice SET pronouns they"))
                .containsExactly(":parley.local FAIL METADATA KEY_NO_PERMISSION alice pronouns :permission denied");
    }

    @Test
    void anInvalidKeyOrTargetOrSubcommandIsAFail() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "METADATA * SET Bad_Key x"))
                .containsExactly(":parley.local FAIL METADATA INVALID_KEY Bad_Key :invalid key");
        assertThat(bench.ask(alice, "METADATA ghost GET avatar"))
                .containsExactly(":parley.local FAIL METADATA INVALID_TARGET ghost :invalid metadata target");
        assertThat(bench.ask(alice, "METADATA * FROB"))
                .containsExactly(":parley.local FAIL METADATA SUBCOMMAND_INVALID FROB :invalid subcommand");
    }

    @Test
    void subscribersLearnOfChangesToKeysTheyFollow() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob", "draft/metadata-3");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(bob, "METADATA * SUB avatar")).containsExactly(":parley.local 770 bob avatar");
        bench.send(alice, "METADATA * SET avatar :pic.png");

        assertThat(bench.take(bob)).containsExactly(":parley.local 761 * alice avatar * pic.png");
    }

    @Test
    void onlyARoomOperatorMaySetARoomsKeys() {
        Session alice = bench.register("alice");
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");

        assertThat(bench.ask(alice, "METADATA #a SET url :https://example.org"))
                .containsExactly(":parley.local 761 alice #a url * https://example.org");
        assertThat(bench.ask(bob, "METADATA #a SET url :https://evil.example"))
                .containsExactly(":parley.local FAIL METADATA KEY_NO_PERMISSION #a url :permission denied");
    }

    @Test
    void clearingAKeyThatIsNotSetIsAFail() {
        Session alice = bench.register("alice");

        assertThat(bench.ask(alice, "METADATA * SET avatar :"))
                .containsExactly(":parley.local FAIL METADATA KEY_NOT_SET alice avatar :key not set");
    }
}
