package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientState;
import dev.parley.client.core.ConnectionSettings;
import dev.parley.client.core.IrcClient;
import dev.parley.client.core.MessageKind;
import dev.parley.client.core.RegistrationOutcome;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat: the client connection, what the user types, and what is shown. Typed lines are handled
 * on the input thread; events arrive on the client's reader thread and go straight to the display.
 * {@link #finished()} completes with the exit code when the chat is over.
 */
public final class ChatSession implements ChatActions, WindowKeys {

    /** Text bytes per PRIVMSG, leaving room in the 512-byte line for the source and target. */
    static final int TEXT_BYTES = 380;

    private static final Duration QUIT_WAIT = Duration.ofSeconds(5);

    private final IrcClient client;
    private final Display display;
    private final Feed feed;
    private final RecentHistory recentHistory = new RecentHistory();
    private final PendingSearches searches = new PendingSearches();

    private final CommandLineParser parser = new CommandLineParser(SlashCommands.all());
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final EventWaiters waiters = new EventWaiters();
    /** The prompt last drawn. */
    private final AtomicReference<String> lastPrompt = new AtomicReference<>();

    public ChatSession(ConnectionSettings settings, Display display, MessageFormatter formatter) {
        this.display = display;
        this.feed = new Feed(new Windows(), display, formatter, this::askRecentHistory);
        this.client = new IrcClient(settings, this::onEvent);
    }

    public RegistrationOutcome connect() {
        return client.connect();
    }

    public RegistrationOutcome tryNick(String nick) {
        return client.tryNick(nick);
    }

    /** After {@link RegistrationOutcome.WrongPassword}: connects again with another password. */
    public RegistrationOutcome retryPassword(String password) {
        return client.retryPassword(password);
    }

    /** Joins a room and waits (up to {@code timeout}) until the server confirms it. */
    public boolean join(String room, Duration timeout) {
        String wire = RoomNames.toWire(room);
        CompletableFuture<ClientEvent> joined = waiters.expect(e -> e instanceof ClientEvent.Joined j
                && j.self()
                && client.state().caseMapping().equal(j.room(), wire));
        send(IrcMessage.of("JOIN", wire));
        return waiters.await(joined, timeout);
    }

    /** Handles one typed line: text for the current room, or a slash command. */
    public void handleInput(String line) {
        ParsedInput input = parser.parse(line);
        if (input instanceof ParsedInput.Text text) {
            String target = requireTarget();
            if (target != null) {
                say(target, text.text(), false);
            }
        } else if (input instanceof ParsedInput.Command command) {
            command.command().run().run(this, command.args());
        } else if (input instanceof ParsedInput.Usage usage) {
            show(DisplayLine.error(usage.command().usageError(usage.args())));
        } else if (input instanceof ParsedInput.Unknown unknown) {
            show(DisplayLine.error(
                    "Unknown command /" + unknown.name() + " — nothing was sent. Type /help for the list."));
        }
        notePrompt();
    }

    /**
     * The end of a script: waits until the server has handled every line sent (a PING answered by
     * its PONG comes after them), then quits. Exit code 0 when all was delivered.
     */
    public void finishScript() {
        boolean delivered = client.roundTrip(Duration.ofSeconds(30));
        if (!delivered) {
            show(DisplayLine.error("The server did not confirm the last lines; some may not have been delivered."));
        }
        client.quit(null, QUIT_WAIT);
        finished.complete(delivered ? 0 : 1);
    }

    public CompletableFuture<Integer> finished() {
        return finished;
    }

    public IrcClient client() {
        return client;
    }

    @Override
    public ClientState state() {
        return client.state();
    }

    @Override
    public void send(IrcMessage message) {
        if (!client.send(message)) {
            show(DisplayLine.error("Not connected — not sent: " + message.command()));
        }
    }

    @Override
    public void say(String target, String text, boolean action) {
        for (String chunk : TextChunks.split(text, TEXT_BYTES)) {
            String body = action ? "\u0001ACTION " + chunk + "\u0001" : chunk;
            if (!client.send(IrcMessage.of("PRIVMSG", target, body))) {
                // the typed line is erased from the screen: give the words back
                show(DisplayLine.error("Not connected — not sent: " + chunk));
            } else if (!state().caps().contains(Capability.ECHO_MESSAGE.wireName())) {
                showOwn(target, chunk, action);
            }
        }
    }

    /** Without echo-message the server does not send our lines back, so we show them ourselves. */
    private void showOwn(String target, String text, boolean action) {
        MessageKind kind = action ? MessageKind.ACTION : MessageKind.MESSAGE;
        onEvent(new ClientEvent.MessageReceived(
                Instant.now(), client.nick(), target, text, kind, true, ChannelName.looksLikeRoom(target)));
    }

    @Override
    public void search(SearchRequest request) {
        if (!state().caps().contains(Capability.SEARCH.wireName())) {
            show(DisplayLine.error("This server offers no search (it keeps no history) — nothing was sent"));
            return;
        }
        searches.sent(request);
        if (!client.send(request.toMessage())) {
            searches.forget();
            show(DisplayLine.error("Not connected — search not sent: " + request.name()));
        }
    }

    /** Shows a line in the current window. */
    @Override
    public void show(DisplayLine line) {
        feed.show(null, line, false, false, false);
    }

    @Override
    public void switchTo(String room) {
        client.switchTo(room);
        feed.select(room);
        notePrompt();
    }

    @Override
    public void selectWindow(int number) {
        if (!feed.select(number)) {
            show(DisplayLine.error("There is no window " + number + " — /win lists them"));
        }
        followWindow();
    }

    @Override
    public void moveWindow(int step) {
        feed.move(step);
        followWindow();
    }

    @Override
    public void scrollWindow(int lines, int rows) {
        feed.scroll(lines, rows);
        notePrompt();
    }

    @Override
    public void listWindows() {
        show(DisplayLine.info(StatusLine.list(feed.entries())));
    }

    @Override
    public void query(String nick) {
        feed.query(nick);
        notePrompt();
    }

    @Override
    public void closeWindow() {
        String target = feed.currentTarget();
        if (target == null) {
            show(DisplayLine.error("The status window stays open — /quit to leave the chat"));
        } else if (ChannelName.looksLikeRoom(target) && state().inRoom(target)) {
            send(IrcMessage.of("PART", target));
        } else {
            feed.close(target);
            notePrompt();
        }
    }

    /** A room's window on screen makes that room the current one of the connection too. */
    private void followWindow() {
        String target = feed.currentTarget();
        if (target != null && state().inRoom(target)) {
            client.switchTo(target);
        }
        notePrompt();
    }

    /**
     * The input prompt: the status line (on a windowed display) above {@code [room] > }, which
     * names where plain text goes.
     */
    public String prompt() {
        String target = feed.currentTarget();
        String input = target == null
                ? "> "
                : ChannelName.looksLikeRoom(target)
                        ? "[" + RoomNames.toDisplay(target) + "] > "
                        : "[DM " + target + "] > ";
        return display.windowed() ? StatusLine.of(client.nick(), feed.entries()) + "\n" + input : input;
    }

    /** Tells the display when the prompt has changed (window, activity, nick), so it is drawn again. */
    private void notePrompt() {
        String now = prompt();
        if (!Objects.equals(lastPrompt.getAndSet(now), now)) {
            display.promptChanged();
        }
    }

    /** On a windowed display, a join that opens a room's window shows what was said there before. */
    private void askRecentHistory(String room) {
        IrcMessage ask = display.windowed() ? recentHistory.ask(room, state()) : null;
        if (ask != null) {
            send(ask);
        }
    }

    @Override
    public void quit(String reason) {
        client.quit(reason, QUIT_WAIT);
        finished.complete(0);
    }

    @Override
    public String requireRoom() {
        String target = feed.currentTarget();
        if (target != null && ChannelName.looksLikeRoom(target)) {
            return target;
        }
        show(DisplayLine.error(
                target == null
                        ? "You are in no room — /join a room first (or /win to a room's window)"
                        : "This is a private conversation with " + target + ": that needs a room — /win to one"));
        return null;
    }

    @Override
    public String requireTarget() {
        String target = feed.currentTarget();
        if (target == null) {
            show(DisplayLine.error(
                    "This is the status window: /join a room, /query a nick, or /win to a window first"));
        }
        return target;
    }

    private void onEvent(ClientEvent received) {
        ClientEvent event = searches.name(received);
        if (event instanceof ClientEvent.Disconnected) {
            searches.forget();
        }
        if (shown(event)) {
            feed.onEvent(event, state());
        }
        notePrompt();
        if (event instanceof ClientEvent.Disconnected lost && lost.retryIn() == null) {
            finished.complete(1);
        }
        waiters.tell(event);
    }

    /**
     * Whether an event is shown: not an error told by other means, nor an empty answer to the
     * recent history asked for on join.
     */
    private boolean shown(ClientEvent event) {
        if (event instanceof ClientEvent.ServerError error) {
            return !Troubles.saidElsewhere(error, state().nick() != null);
        }
        if (event instanceof ClientEvent.HistoryReplayed history) {
            return recentHistory.shows(history, state());
        }
        return true;
    }
}
