package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The unit tests trust {@link CommandBench} to build the command table as the server does; this
 * starts the real server once to catch a family added to one and not the other.
 */
class CommandBenchIT {

    @Test
    void theBenchKnowsExactlyTheVerbsTheRealServerKnows() {
        try (TestServer server = TestServer.start()) {
            assertThat(new CommandBench().verbs()).isEqualTo(server.server().commandVerbs());
        }
    }
}
