package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import dev.parley.protocol.IrcMessage;

/** What a slash command may do: read the state, send to the server, show a line, switch room, quit. */
public interface ChatActions {

    ClientState state();

    /** Sends one message; shows an error instead when not connected. */
    void send(IrcMessage message);

    /** Sends text (as PRIVMSG, or as an ACTION when {@code action}) to a room or nick, split to fit. */
    void say(String target, String text, boolean action);

    void show(DisplayLine line);

    void switchTo(String room);

    void quit(String reason);

    /** The current room's wire name; shows an error and returns null when in no room. */
    String requireRoom();
}
