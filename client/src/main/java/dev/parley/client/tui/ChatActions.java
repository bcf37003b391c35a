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

    /** The current window's room (wire name); shows an error and returns null when it is no room's. */
    String requireRoom();

    /** Where plain text goes: the current window's room or nick; shows an error and returns null in the status window. */
    String requireTarget();

    /** Shows window {@code number}, or says there is none. */
    void selectWindow(int number);

    /** Shows which windows there are, with their activity. */
    void listWindows();

    /** Opens (or shows) the window of a private conversation with {@code nick}. */
    void query(String nick);

    /** Closes the current window: leaves its room, or ends a private conversation's window. */
    void closeWindow();

    /** Sends a search; its results (or why it failed) are shown in the current window when they come. */
    void search(SearchRequest request);
}
