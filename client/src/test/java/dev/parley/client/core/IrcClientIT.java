package dev.parley.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class IrcClientIT {

    private final BlockingQueue<ClientEvent> events = new LinkedBlockingQueue<>();

    private IrcClient client(TestServer server, String nick, String password) {
        return new IrcClient(
                new ConnectionSettings(
                        "127.0.0.1",
                        server.address().getPort(),
                        nick,
                        password,
                        false,
                        Backoff.standard(),
                        Duration.ofSeconds(5)),
                events::add);
    }

    /** The next event that matches, skipping others; fails after five seconds. */
    private <T extends ClientEvent> T next(Class<T> type, Predicate<T> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            ClientEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(event) && what.test(type.cast(event))) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " arrived");
    }

    @Test
    void registersWithCapsAndTellsWhatHappensInTheRoom() throws InterruptedException {
        try (TestServer server = TestServer.start();
                IrcClient alice = client(server, "alice", "chat@123")) {
            assertThat(alice.connect()).isEqualTo(new RegistrationOutcome.Welcomed("alice"));
            assertThat(alice.state().caps()).contains("echo-message", "server-time", "batch");
            assertThat(alice.state().isupport()).containsEntry("CASEMAPPING", "rfc1459");

            alice.send(IrcMessage.of("JOIN", "#general"));
            next(ClientEvent.Joined.class, j -> j.self());
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            next(ClientEvent.Joined.class, j -> j.nick().equals("bob"));
            assertThat(alice.state().room("#general").orElseThrow().members()).containsExactly("alice", "bob");

            bob.send("PRIVMSG #general :hello");
            ClientEvent.MessageReceived hello = next(ClientEvent.MessageReceived.class, m -> true);
            assertThat(hello.from()).isEqualTo("bob");
            assertThat(hello.text()).isEqualTo("hello");
            assertThat(hello.own()).isFalse();

            alice.send(IrcMessage.of("PRIVMSG", "#general", "hi bob"));
            assertThat(next(ClientEvent.MessageReceived.class, m -> true).own()).isTrue();
            bob.expect(Lines.privmsgFrom("alice", "#general", "hi bob"));

            alice.send(IrcMessage.of("TOPIC", "#general", "new topic"));
            next(ClientEvent.TopicChanged.class, t -> t.topic().equals("new topic"));
            bob.send("QUIT :bye");
            next(ClientEvent.Quit.class, q -> q.nick().equals("bob"));
            assertThat(alice.state().room("#general").orElseThrow().members()).containsExactly("alice");

            assertThat(alice.roundTrip(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void refusalsAreOutcomesNotExceptions() {
        try (TestServer server = TestServer.start()) {
            try (IrcClient wrong = client(server, "alice", "nope")) {
                assertThat(wrong.connect()).isInstanceOf(RegistrationOutcome.WrongPassword.class);
            }
            server.user("taken");
            try (IrcClient twin = client(server, "taken", "chat@123")) {
                assertThat(twin.connect()).isInstanceOf(RegistrationOutcome.NickInUse.class);
                assertThat(twin.tryNick("taken_")).isEqualTo(new RegistrationOutcome.Welcomed("taken_"));
            }
        }
        try (IrcClient nobody = new IrcClient(
                new ConnectionSettings("127.0.0.1", 1, "a", null, false, Backoff.standard(), Duration.ofSeconds(2)),
                events::add)) {
            assertThat(nobody.connect()).isInstanceOf(RegistrationOutcome.Unreachable.class);
        }
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = Backoff.standard();
        assertThat(java.util.stream.IntStream.range(0, 7)
                        .mapToObj(backoff::delay)
                        .map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }
}
