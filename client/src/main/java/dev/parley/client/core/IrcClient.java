package dev.parley.client.core;

import dev.parley.protocol.IrcMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An IRC client connection: registers (CAP, PASS, NICK, USER), keeps a {@link ClientState}
 * snapshot, tells a listener {@link ClientEvent}s, and reconnects with back-off when the connection
 * is lost.
 *
 * <p>Threads: each connection has a reader thread (which interprets lines, replaces the state and
 * calls the listener) and a writer thread. Any thread may {@link #send}. The state is replaced under
 * {@code stateLock}, held only for the pure interpretation, never across I/O. Reconnects run on one
 * scheduler thread.
 */
public final class IrcClient implements AutoCloseable {

    private final Consumer<ClientEvent> listener;
    private final MessageInterpreter interpreter;
    private final Object stateLock = new Object();
    private final Map<String, CompletableFuture<Void>> pongs = new ConcurrentHashMap<>();
    private final AtomicInteger pingCounter = new AtomicInteger();
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "parley-client-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ConnectionSettings settings;
    private volatile ClientState state = ClientState.initial();
    private volatile Attempt attempt;
    private volatile boolean quitting;

    public IrcClient(ConnectionSettings settings, Consumer<ClientEvent> listener) {
        this(settings, listener, Clock.systemUTC());
    }

    public IrcClient(ConnectionSettings settings, Consumer<ClientEvent> listener, Clock clock) {
        this.settings = settings;
        this.listener = listener;
        this.interpreter = new MessageInterpreter(clock);
    }

    /** Connects and registers; blocks until welcomed, refused, or the timeout. */
    public RegistrationOutcome connect() {
        Attempt next = new Attempt();
        synchronized (stateLock) {
            state = state.forNewConnection();
        }
        attempt = next;
        try {
            next.connection = LineConnection.open(
                    settings.opener(),
                    settings.host(),
                    settings.port(),
                    settings.timeout(),
                    new ConnectionListener(next));
        } catch (TlsTrouble e) {
            return new RegistrationOutcome.TlsFailed(e.getMessage());
        } catch (IOException e) {
            return new RegistrationOutcome.Unreachable(
                    settings.host() + ":" + settings.port(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
        next.connection.send(CapNegotiation.start());
        if (settings.password() != null) {
            next.connection.send(IrcMessage.of("PASS", settings.password()));
        }
        next.connection.send(IrcMessage.of("NICK", settings.nick()));
        next.connection.send(IrcMessage.of("USER", settings.nick(), "0", "*", settings.nick()));
        return await(next);
    }

    /** After {@link RegistrationOutcome.NickInUse}: tries another nick on the same connection. */
    public RegistrationOutcome tryNick(String nick) {
        Attempt current = attempt;
        settings = settings.withNick(nick);
        Attempt retry = new Attempt();
        retry.connection = current.connection;
        attempt = retry;
        current.connection.send(IrcMessage.of("NICK", nick));
        return await(retry);
    }

    /** After {@link RegistrationOutcome.WrongPassword}: a new connection with another password. */
    public RegistrationOutcome retryPassword(String password) {
        Attempt refused = attempt;
        if (refused != null && refused.connection != null) {
            refused.connection.close();
        }
        settings = settings.withPassword(password);
        return connect();
    }

    private RegistrationOutcome await(Attempt current) {
        try {
            return current.outcome.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            current.connection.close();
            return new RegistrationOutcome.Failed(
                    "the server did not answer within " + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            return new RegistrationOutcome.Failed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.connection.close();
            return new RegistrationOutcome.Failed("interrupted");
        }
    }

    public ClientState state() {
        return state;
    }

    public String nick() {
        return state.nick() != null ? state.nick() : settings.nick();
    }

    /** Queues a message for the server; false when there is no open connection. */
    public boolean send(IrcMessage message) {
        Attempt current = attempt;
        return current != null && current.connection != null && current.connection.send(message);
    }

    /** Makes {@code room} (one we are in) the room plain text goes to. */
    public void switchTo(String room) {
        synchronized (stateLock) {
            state = state.withCurrentRoom(state.room(room).map(RoomState::name).orElse(room));
        }
    }

    /**
     * Sends a PING and waits for its PONG: once it arrives the server has handled every line sent
     * before it. False on timeout or lost connection.
     */
    public boolean roundTrip(Duration timeout) {
        String token = "parley-" + pingCounter.incrementAndGet();
        CompletableFuture<Void> pong = new CompletableFuture<>();
        pongs.put(token, pong);
        try {
            if (!send(IrcMessage.of("PING", token))) {
                return false;
            }
            pong.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pongs.remove(token);
        }
    }

    /** Sends QUIT, waits (up to {@code timeout}) for the server to close, and stops reconnecting. */
    public void quit(String reason, Duration timeout) {
        quitting = true;
        Attempt current = attempt;
        if (current != null && current.connection != null && current.connection.isOpen()) {
            current.connection.send(reason == null ? IrcMessage.of("QUIT") : IrcMessage.of("QUIT", reason));
            awaitClosed(current, timeout);
        }
        close();
    }

    private static void awaitClosed(Attempt current, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (current) {
            while (current.connection.isOpen() && System.nanoTime() < deadline) {
                try {
                    current.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        quitting = true;
        reconnects.shutdownNow();
        Attempt current = attempt;
        if (current != null && current.connection != null) {
            current.connection.close();
        }
    }

    private void onMessage(Attempt owner, LineConnection connection, IrcMessage message) {
        if (message.verb().equals("CAP")) {
            owner.caps.onCap(message).forEach(connection::send);
            synchronized (stateLock) {
                state = state.withCaps(owner.caps.acked());
            }
            return;
        }
        if (message.verb().equals("PONG")) {
            CompletableFuture<Void> pong = pongs.get(message.lastParam());
            if (pong != null) {
                pong.complete(null);
            }
        }
        Interpretation meaning;
        synchronized (stateLock) {
            meaning = interpreter.interpret(state, message);
            state = meaning.state();
        }
        meaning.replies().forEach(connection::send);
        owner.observe(message, state.nick() != null);
        meaning.events().forEach(listener);
    }

    private void onClosed(Attempt owner, String reason) {
        synchronized (owner) {
            owner.notifyAll();
        }
        String why = owner.why(reason);
        if (!owner.outcome.isDone()) {
            owner.outcome.complete(new RegistrationOutcome.Failed(why));
            return;
        }
        if (owner != attempt || !(owner.outcome.join() instanceof RegistrationOutcome.Welcomed)) {
            return;
        }
        pongs.values().forEach(p -> p.completeExceptionally(new IOException("connection lost")));
        if (quitting) {
            return;
        }
        boolean retry = !owner.refused && settings.reconnect();
        List<String> rooms = rejoinOrder(state);
        if (state.nick() != null) {
            settings = settings.withNick(state.nick());
        }
        listener.accept(
                new ClientEvent.Disconnected(why, retry ? settings.backoff().delay(0) : null));
        if (retry) {
            scheduleReconnect(0, rooms);
        }
    }

    /** The rooms to join again, the current one last so that it is current again afterwards. */
    private static List<String> rejoinOrder(ClientState lost) {
        List<String> rooms = new ArrayList<>(lost.roomNames());
        if (lost.currentRoom() != null && rooms.removeIf(r -> lost.caseMapping().equal(r, lost.currentRoom()))) {
            rooms.add(lost.currentRoom());
        }
        return rooms;
    }

    private void scheduleReconnect(int attemptNumber, List<String> rooms) {
        Duration delay = settings.backoff().delay(attemptNumber);
        try {
            reconnects.schedule(() -> reconnect(attemptNumber, rooms), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing to do
        }
    }

    private void reconnect(int attemptNumber, List<String> rooms) {
        if (quitting) {
            return;
        }
        RegistrationOutcome outcome = connect();
        if (outcome instanceof RegistrationOutcome.NickInUse taken) {
            outcome = tryNick(taken.nick() + "_");
        }
        if (outcome instanceof RegistrationOutcome.Welcomed welcomed) {
            rooms.forEach(room -> send(IrcMessage.of("JOIN", room)));
            listener.accept(new ClientEvent.Reconnected(welcomed.nick(), List.copyOf(rooms)));
        } else if (outcome instanceof RegistrationOutcome.Unreachable
                || outcome instanceof RegistrationOutcome.Failed) {
            Duration next = settings.backoff().delay(attemptNumber + 1);
            listener.accept(new ClientEvent.Disconnected(outcome.describe(), next));
            scheduleReconnect(attemptNumber + 1, rooms);
        } else {
            listener.accept(new ClientEvent.Disconnected(outcome.describe(), null));
        }
    }

    /** Routes one connection's callbacks to its attempt; lines of a replaced connection are ignored. */
    private final class ConnectionListener implements LineConnection.Listener {
        private final Attempt owner;

        ConnectionListener(Attempt owner) {
            this.owner = owner;
        }

        @Override
        public void onMessage(LineConnection connection, IrcMessage message) {
            Attempt current = attempt;
            IrcClient.this.onMessage(current.connection == connection ? current : owner, connection, message);
        }

        @Override
        public void onClosed(LineConnection connection, String reason) {
            Attempt current = attempt;
            IrcClient.this.onClosed(current.connection == connection ? current : owner, reason);
        }
    }
}
