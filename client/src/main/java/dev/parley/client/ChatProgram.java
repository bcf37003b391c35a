package dev.parley.client;

import dev.parley.client.core.Backoff;
import dev.parley.client.core.ConnectionSettings;
import dev.parley.client.core.RegistrationOutcome;
import dev.parley.client.core.SocketOpener;
import dev.parley.client.tui.ChatSession;
import dev.parley.client.tui.DisplayLine;
import dev.parley.client.tui.MessageFormatter;
import dev.parley.client.tui.RoomNames;
import dev.parley.client.tui.Ui;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.NickName;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The client from start to end on a {@link Ui}: asks for what the options leave open, connects
 * (offering another nick when the one asked for is taken), joins the room, then feeds typed lines
 * to the chat until /quit, the end of input, or a connection that is over for good.
 */
public final class ChatProgram {

    static final String PASSWORD_ENV = "PARLEY_PASSWORD";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Nicks offered, or passwords asked for, before giving up. */
    private static final int TRIES = 5;

    private static final int MAX_NICK = 30;

    private final ClientOptions options;
    private final Ui ui;
    private final Map<String, String> env;

    public ChatProgram(ClientOptions options, Ui ui, Map<String, String> env) {
        this.options = options;
        this.ui = ui;
        this.env = env;
    }

    /**
     * Runs the chat; returns the {@link ExitCode}. Registration comes before the room question, so a
     * refusal (a ban, a wrong password) is heard before anything more is asked.
     */
    public int run() {
        String nick = askNick();
        String password = nick == null ? null : askPassword();
        if (password == null) {
            return ExitCode.USAGE;
        }
        ConnectionSettings settings = new ConnectionSettings(
                options.host(),
                options.port(),
                nick,
                password,
                true,
                Backoff.standard(),
                TIMEOUT,
                options.tls() ? SocketOpener.tls(options.tlsFingerprint()) : SocketOpener.plain());
        ChatSession chat = new ChatSession(settings, ui, new MessageFormatter(options.timestamps()));
        if (!register(chat)) {
            chat.client().close();
            return ExitCode.FAILED;
        }
        String room = askRoom();
        if (room == null) {
            chat.quit(null);
            return ExitCode.USAGE;
        }
        ui.completeFrom(chat::state);
        ui.useWindowKeys(chat);
        if (!chat.join(room, TIMEOUT)) {
            chat.show(DisplayLine.error("Could not join " + RoomNames.toDisplay(room) + "."));
        }
        if (ui.interactive()) {
            chat.show(DisplayLine.info("Type to talk in " + RoomNames.toDisplay(room)
                    + "; /help lists the commands, Alt+1…9 or /win N switch windows."));
        }
        startInput(chat);
        return awaitEnd(chat);
    }

    private String askNick() {
        String nick = options.nick();
        while (nick == null || !NickName.isValid(nick, MAX_NICK)) {
            if (nick != null) {
                ui.show(DisplayLine.error("'" + nick
                        + "' cannot be a nickname: use letters, digits and -_[]{}\\|^` (not first: digit or -)."));
                if (!ui.interactive()) {
                    return null;
                }
            }
            nick = ui.ask("Nickname: ", null);
            if (nick == null) {
                ui.show(DisplayLine.error("No nickname given (use --nick)."));
                return null;
            }
        }
        return nick;
    }

    private String askPassword() {
        if (options.password() != null) {
            return options.password();
        }
        if (env.get(PASSWORD_ENV) != null) {
            return env.get(PASSWORD_ENV);
        }
        String password = ui.askSecret("Password: ");
        if (password == null) {
            ui.show(DisplayLine.error("No password given (set " + PASSWORD_ENV + ")."));
        }
        return password;
    }

    private String askRoom() {
        String room = options.room();
        while (room == null || !ChannelName.isValid(RoomNames.toWire(room), 50)) {
            if (room != null) {
                ui.show(DisplayLine.error("'" + room + "' cannot be a room ID: no spaces, commas or colons."));
                if (!ui.interactive()) {
                    return null;
                }
            }
            room = ui.ask("Room ID [" + ClientOptions.DEFAULT_ROOM + "]: ", ClientOptions.DEFAULT_ROOM);
            if (room == null) {
                return null;
            }
        }
        return RoomNames.toWire(room);
    }

    /**
     * Connects and registers; true when welcomed. Offers another nick when the one asked for is
     * taken, asks again for a wrong password (when a person is there to answer), and explains every
     * other refusal once, in the user's words.
     */
    private boolean register(ChatSession chat) {
        RegistrationOutcome outcome = chat.connect();
        for (int tries = 1;
                tries < TRIES && outcome != null && !(outcome instanceof RegistrationOutcome.Welcomed);
                tries++) {
            if (outcome instanceof RegistrationOutcome.NickInUse taken) {
                String other = otherNick(taken);
                outcome = other == null ? null : chat.tryNick(other);
            } else if (outcome instanceof RegistrationOutcome.WrongPassword && ui.interactive()) {
                String again = askPasswordAgain();
                outcome = again == null ? null : chat.retryPassword(again);
            } else {
                break;
            }
        }
        if (outcome instanceof RegistrationOutcome.Welcomed) {
            return true;
        }
        if (outcome != null) {
            ui.show(DisplayLine.error(explain(outcome)));
        }
        return false;
    }

    private String askPasswordAgain() {
        ui.show(DisplayLine.error("Wrong password: " + options.host() + ":" + options.port()
                + " did not let you in. Type it again (Ctrl-D gives up)."));
        return ui.askSecret("Password: ");
    }

    private String otherNick(RegistrationOutcome.NickInUse taken) {
        String offer = taken.nick() + "_";
        ui.show(DisplayLine.error("The nickname " + taken.nick() + " is not available (" + taken.reason() + ")."));
        if (!ui.interactive()) {
            ui.show(DisplayLine.info("Trying " + offer + " instead."));
            return offer;
        }
        while (true) {
            String chosen = ui.ask("Nickname [" + offer + "]: ", offer);
            if (chosen == null || NickName.isValid(chosen, MAX_NICK)) {
                return chosen;
            }
            ui.show(DisplayLine.error("'" + chosen + "' cannot be a nickname."));
        }
    }

    private String explain(RegistrationOutcome outcome) {
        String server = options.host() + ":" + options.port();
        if (outcome instanceof RegistrationOutcome.WrongPassword) {
            return "Wrong password: " + server + " did not let you in. Check the password (or " + PASSWORD_ENV + ").";
        } else if (outcome instanceof RegistrationOutcome.Banned banned) {
            return banned.reason();
        } else if (outcome instanceof RegistrationOutcome.TlsFailed tls) {
            return tls.reason();
        } else if (outcome instanceof RegistrationOutcome.Unreachable unreachable) {
            return "Cannot reach the server at " + unreachable.address() + " (" + unreachable.cause()
                    + "). Is it running, and are host and port right?";
        } else if (outcome instanceof RegistrationOutcome.NickInUse taken) {
            return "No free nickname found (last tried " + taken.nick() + ").";
        }
        return "Could not log in to " + server + ": " + outcome.describe();
    }

    /** Typed lines are handled on their own thread, so a connection lost for good can end the program. */
    private void startInput(ChatSession chat) {
        Thread input = new Thread(() -> readInput(chat), "parley-client-input");
        input.setDaemon(true);
        input.start();
    }

    private void readInput(ChatSession chat) {
        while (!chat.finished().isDone()) {
            String line = ui.readLine(chat::prompt);
            if (line == null) {
                if (ui.interactive()) {
                    chat.quit(null);
                } else {
                    chat.finishScript();
                }
                return;
            }
            chat.handleInput(line);
        }
    }

    private int awaitEnd(ChatSession chat) {
        try {
            return chat.finished().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chat.client().close();
            return ExitCode.FAILED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the chat ended with an error", e.getCause());
        }
    }
}
