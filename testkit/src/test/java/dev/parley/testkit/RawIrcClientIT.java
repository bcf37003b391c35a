package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawIrcClientIT {

    private static final Duration SHORT = Duration.ofMillis(200);

    private FakeIrcServer server;
    private RawIrcClient client;

    @BeforeEach
    void connect() throws IOException {
        server = FakeIrcServer.start();
        client = RawIrcClient.connect(server.address());
        server.accept();
    }

    @AfterEach
    void disconnect() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void sendWritesTheLineWithCrLf() throws IOException {
        client.send("NICK bob");
        client.sendRaw("PING :x\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(server.readLine()).isEqualTo("NICK bob");
        assertThat(server.readLine()).isEqualTo("PING :x");
    }

    @Test
    void sendRefusesALineHoldingALineBreak() {
        assertThatThrownBy(() -> client.send("PRIVMSG #a :hi\r\nQUIT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expectSkipsOtherLinesAndReturnsTheFirstMatch() throws IOException {
        server.send(":srv NOTICE * :hello", ":srv 001 bob :Welcome", ":srv 002 bob :Your host");

        IrcMessage welcome = client.expect(Numeric.RPL_WELCOME);

        assertThat(welcome.params()).containsExactly("bob", "Welcome");
        assertThat(client.expectCommand("002").param(1)).isEqualTo("Your host");
        assertThat(client.transcript()).containsSubsequence("<- :srv NOTICE * :hello", "<- :srv 001 bob :Welcome");
    }

    @Test
    void expectFailsAtTheDeadlineNamingWhatItWantedAndShowingTheTranscript() throws IOException {
        client.send("NICK bob");
        server.send(":srv NOTICE * :not it");

        assertThatThrownBy(() -> client.withTimeout(SHORT).expect(Numeric.RPL_WELCOME))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 001 RPL_WELCOME within 200 ms")
                .hasMessageContaining("-> NICK bob")
                .hasMessageContaining("<- :srv NOTICE * :not it");
    }

    @Test
    void expectFailsAtOnceWhenTheServerCloses() throws IOException {
        server.send("ERROR :Closing link");
        server.hangUp();

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.expect(Numeric.RPL_WELCOME))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the server closed the connection")
                .hasMessageContaining("<- ERROR :Closing link");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RawIrcClient.DEFAULT_TIMEOUT);
    }

    @Test
    void awaitClosedIsTrueOnEndOfStream() throws IOException {
        server.send("ERROR :bye");
        server.hangUp();

        assertThat(client.awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(client.transcript()).contains("<- ERROR :bye");
    }

    @Test
    void awaitClosedIsFalseWhileTheServerKeepsTheConnectionOpen() {
        assertThat(client.awaitClosed(SHORT)).isFalse();
    }

    @Test
    void collectUntilReturnsEveryLineUpToAndIncludingTheEnd() throws IOException {
        server.send(":srv 353 bob = #a :bob", ":srv 366 bob #a :End of /NAMES list.", ":srv PING :after");

        List<IrcMessage> lines = client.collectUntil(Lines.numeric(Numeric.RPL_ENDOFNAMES));

        assertThat(lines).extracting(IrcMessage::command).containsExactly("353", "366");
        assertThat(client.expectCommand("PING").param(0)).isEqualTo("after");
    }

    @Test
    void assertNothingMatchingPassesWhenOnlyOtherLinesArrive() throws IOException {
        server.send(":srv PING :x");

        client.assertNothingMatching(Lines.command("PRIVMSG"), SHORT);

        assertThat(client.transcript()).contains("<- :srv PING :x");
    }

    @Test
    void assertNothingMatchingFailsWhenAMatchingLineArrives() throws IOException {
        server.send(":eve!e@h PRIVMSG bob :psst");

        assertThatThrownBy(() -> client.assertNothingMatching(Lines.command("PRIVMSG"), SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected nothing matching a PRIVMSG line")
                .hasMessageContaining("got :eve!e@h PRIVMSG bob :psst");
    }

    @Test
    void aLineSplitAcrossAWaitIsReassembled() throws IOException {
        server.sendRaw(":srv PI");
        client.assertNothingMatching(m -> true, Duration.ofMillis(50));
        server.sendRaw("NG :joined\r\n");

        assertThat(client.expectCommand("PING").param(0)).isEqualTo("joined");
    }

    @Test
    void aLineEndingInBareLfFailsTheTest() throws IOException {
        server.sendRaw(":srv 001 bob :Welcome\n");

        assertThatThrownBy(() -> client.expect(Numeric.RPL_WELCOME))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LF alone");
    }

    @Test
    void aMalformedLineFailsTheTest() throws IOException {
        server.send(":srv");

        assertThatThrownBy(() -> client.expect(Numeric.RPL_WELCOME))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("malformed line");
    }

    @Test
    void aLineOverTheProtocolLimitFailsTheTest() throws IOException {
        server.send(":srv NOTICE bob :" + "x".repeat(600));

        assertThatThrownBy(() -> client.expectCommand("NOTICE"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("over the protocol's limits");
    }

    @Test
    void transcriptRecordsSentAndReceivedLinesInOrder() throws IOException {
        client.send("PING :a");
        server.send(":srv PONG srv :a");
        client.expectCommand("PONG");

        assertThat(client.transcript()).containsExactly("-> PING :a", "<- :srv PONG srv :a");
    }
}
