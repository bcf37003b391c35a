package dev.parley.client.tui;

import static dev.parley.client.tui.RoomNames.toDisplay;
import static dev.parley.client.tui.RoomNames.toWire;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import java.util.ArrayList;
import java.util.List;

/** The table of slash commands: one entry per command, each a line or two. */
public final class SlashCommands {

    /** Messages /history asks for when no count is given. */
    static final int DEFAULT_HISTORY = 20;

    private static final int TEXT = SlashCommand.ANY_TEXT;

    /** Width of the commands' column in /help. */
    private static final int HELP_COLUMN = 24;

    private static final String SEARCH_USAGE = "words [in #room|nick] [from nick]";

    private static final List<SlashCommand> ALL = List.of(
            user(
                    "history",
                    "[nick|room] [n]",
                    "show the last n messages of the room, or of your DMs with nick",
                    0,
                    2,
                    SlashCommands::history),
            user(
                    "search",
                    SEARCH_USAGE,
                    "search messages in your rooms and conversations",
                    1,
                    TEXT,
                    SlashCommands::search),
            user("users", "", "list the people in the room", 0, 0, (c, a) -> inRoom(c, r -> IrcMessage.of("NAMES", r))),
            user("msg", "nick text", "send a private message", 2, TEXT, (c, a) -> c.say(a.word(0), a.rest(1), false)),
            user(
                    "join",
                    "room",
                    "join a room (created if new) and switch to it",
                    1,
                    1,
                    (c, a) -> c.send(IrcMessage.of("JOIN", toWire(a.word(0))))),
            user("part", "[room] [reason]", "leave the room (default: the current one)", 0, TEXT, SlashCommands::part),
            user("switch", "room", "make another joined room the current one", 1, 1, SlashCommands::switchRoom),
            user("rooms", "", "list your rooms", 0, 0, SlashCommands::rooms),
            user("list", "", "list the server's rooms", 0, 0, (c, a) -> c.send(IrcMessage.of("LIST"))),
            user(
                    "win",
                    "[n]",
                    "show window n (also Alt+n, Ctrl+N/Ctrl+P); no n: list the windows",
                    0,
                    1,
                    SlashCommands::win),
            user("query", "nick", "open a window for private messages with nick", 1, 1, (c, a) -> c.query(a.word(0))),
            user("close", "", "close this window (leaves its room)", 0, 0, (c, a) -> c.closeWindow()),
            user("me", "action", "describe what you do", 1, TEXT, (c, a) -> sayHere(c, a.text(), true)),
            user("topic", "[text]", "show or set the room's topic", 0, TEXT, SlashCommands::topic),
            user("nick", "new", "change your nickname", 1, 1, (c, a) -> c.send(IrcMessage.of("NICK", a.word(0)))),
            user(
                    "away",
                    "[message]",
                    "mark yourself away (no message: back)",
                    0,
                    TEXT,
                    (c, a) -> c.send(a.isEmpty() ? IrcMessage.of("AWAY") : IrcMessage.of("AWAY", a.text()))),
            user("whois", "nick", "show who someone is", 1, 1, (c, a) -> c.send(IrcMessage.of("WHOIS", a.word(0)))),
            user(
                    "kick",
                    "nick [reason]",
                    "remove someone from the room (room operators, admin)",
                    1,
                    TEXT,
                    SlashCommands::kick),
            admin("ban", "nick [reason]", "kick and refuse someone from the server", 1, TEXT, SlashCommands::ban),
            admin("unban", "nick", "lift a ban", 1, 1, (c, a) -> c.send(IrcMessage.of("UNBAN", a.word(0)))),
            admin("bans", "", "list the bans", 0, 0, (c, a) -> c.send(IrcMessage.of("BANS"))),
            user(
                    "register",
                    "password",
                    "register your nickname (when the server has accounts)",
                    1,
                    1,
                    (c, a) -> c.send(IrcMessage.of("REGISTER", "*", "*", a.word(0)))),
            user("quit", "[message]", "leave the chat", 0, TEXT, (c, a) -> c.quit(a.isEmpty() ? null : a.text())),
            user("help", "", "this list", 0, TEXT, (c, a) -> help(c)),
            user("raw", "line", "send a raw IRC line", 1, TEXT, SlashCommands::raw));

    private SlashCommands() {}

    public static List<SlashCommand> all() {
        return ALL;
    }

    private static SlashCommand user(
            String name, String usage, String help, int minArgs, int maxArgs, SlashCommand.Handler run) {
        return new SlashCommand(name, usage, help, false, minArgs, maxArgs, run);
    }

    private static SlashCommand admin(
            String name, String usage, String help, int minArgs, int maxArgs, SlashCommand.Handler run) {
        return new SlashCommand(name, usage, help, true, minArgs, maxArgs, run);
    }

    private static void inRoom(ChatActions chat, java.util.function.Function<String, IrcMessage> message) {
        String room = chat.requireRoom();
        if (room != null) {
            chat.send(message.apply(room));
        }
    }

    private static void sayHere(ChatActions chat, String text, boolean action) {
        String target = chat.requireTarget();
        if (target != null) {
            chat.say(target, text, action);
        }
    }

    private static void win(ChatActions chat, CommandArgs args) {
        if (args.isEmpty()) {
            chat.listWindows();
        } else if (looksLikeCount(args.word(0))) {
            chat.selectWindow(parseCount(args.word(0)));
        } else {
            chat.show(DisplayLine.error("Usage: /win [n] — n is a window's number; /win lists them"));
        }
    }

    /**
     * {@code /history [nick|room] [n]}: CHATHISTORY when the server offers it (capped to its page
     * size), else the plain HISTORY command. A word that names no joined room and has no {@code #}
     * is a nick: the DMs with them.
     */
    private static void history(ChatActions chat, CommandArgs args) {
        boolean counted = args.count() == 2 || (args.count() == 1 && looksLikeCount(args.word(0)));
        int count = counted ? parseCount(args.word(args.count() - 1)) : DEFAULT_HISTORY;
        if (count <= 0) {
            chat.show(DisplayLine.error("Usage: /history [nick|room] [n] — n is a positive number"));
            return;
        }
        String target = args.count() > (counted ? 1 : 0) ? historyTarget(chat, args.word(0)) : chat.requireRoom();
        if (target == null) {
            return;
        }
        var limit = chat.state().chatHistoryLimit();
        chat.send(
                limit.isPresent()
                        ? IrcMessage.of(
                                "CHATHISTORY", "LATEST", target, "*", String.valueOf(Math.min(count, limit.get())))
                        : IrcMessage.of("HISTORY", target, String.valueOf(count)));
    }

    private static boolean looksLikeCount(String word) {
        return word.matches("[+-]?\\d+");
    }

    private static int parseCount(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A room with {@code #} or one we are in by its bare name; otherwise the nick of a DM. */
    private static String historyTarget(ChatActions chat, String word) {
        return RoomNames.conversation(word, chat.state());
    }

    private static void search(ChatActions chat, CommandArgs args) {
        SearchRequest.parse(args, chat.state())
                .ifPresentOrElse(chat::search, () -> chat.show(DisplayLine.error("Usage: /search " + SEARCH_USAGE)));
    }

    private static void part(ChatActions chat, CommandArgs args) {
        String room = args.isEmpty() ? chat.requireRoom() : toWire(args.word(0));
        if (room != null) {
            chat.send(args.count() > 1 ? IrcMessage.of("PART", room, args.rest(1)) : IrcMessage.of("PART", room));
        }
    }

    private static void switchRoom(ChatActions chat, CommandArgs args) {
        String room = toWire(args.word(0));
        if (!chat.state().inRoom(room)) {
            chat.show(
                    DisplayLine.error("You are not in " + toDisplay(room) + " — /join " + toDisplay(room) + " first"));
            return;
        }
        chat.switchTo(room);
        chat.show(DisplayLine.info("Now talking in " + toDisplay(room)));
    }

    private static void rooms(ChatActions chat, CommandArgs args) {
        var state = chat.state();
        if (state.rooms().isEmpty()) {
            chat.show(DisplayLine.info("You are in no room — /join general"));
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String room : state.roomNames()) {
            boolean current = state.currentRoom() != null && state.caseMapping().equal(room, state.currentRoom());
            shown.add(toDisplay(room) + (current ? " (current)" : ""));
        }
        chat.show(DisplayLine.info("Your rooms: " + String.join(", ", shown)));
    }

    private static void topic(ChatActions chat, CommandArgs args) {
        inRoom(chat, room -> args.isEmpty() ? IrcMessage.of("TOPIC", room) : IrcMessage.of("TOPIC", room, args.text()));
    }

    private static void kick(ChatActions chat, CommandArgs args) {
        inRoom(
                chat,
                room -> args.count() > 1
                        ? IrcMessage.of("KICK", room, args.word(0), args.rest(1))
                        : IrcMessage.of("KICK", room, args.word(0)));
    }

    private static void ban(ChatActions chat, CommandArgs args) {
        chat.send(
                args.count() > 1
                        ? IrcMessage.of("BAN", args.word(0), args.rest(1))
                        : IrcMessage.of("BAN", args.word(0)));
    }

    private static void raw(ChatActions chat, CommandArgs args) {
        ParseResult parsed = IrcParser.parse(args.text());
        if (parsed instanceof ParseResult.Parsed ok) {
            chat.send(ok.message());
        } else {
            chat.show(DisplayLine.error("Not a valid IRC line (" + parsed.problem() + "); nothing sent"));
        }
    }

    private static void help(ChatActions chat) {
        chat.show(DisplayLine.info("Commands (type text without a slash to talk in the current room):"));
        for (SlashCommand command : ALL) {
            String usage = command.usage().isEmpty() ? "" : " " + command.usage();
            String typed = "/" + command.name() + usage;
            String help = command.help() + (command.admin() ? "  [admin]" : "");
            if (typed.length() > HELP_COLUMN + 1) {
                // too long for the column: the help goes on a line of its own, in the column
                chat.show(DisplayLine.info("  " + typed));
                typed = "";
            }
            chat.show(DisplayLine.info(String.format("  %-" + (HELP_COLUMN + 1) + "s %s", typed, help)));
        }
    }
}
