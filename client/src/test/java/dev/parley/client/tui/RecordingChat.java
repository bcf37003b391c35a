package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import dev.parley.client.core.RoomState;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link ChatActions} that records what would be sent and shown; in #general, nick "me". */
final class RecordingChat implements ChatActions {

    final List<String> sent = new ArrayList<>();
    final List<DisplayLine> shown = new ArrayList<>();
    ClientState state = ClientState.initial()
            .withNick("me")
            .withRoom(RoomState.joined("#general"))
            .withRoom(RoomState.joined("#dev"))
            .withCurrentRoom("#general");
    String quitWith = "(not quit)";
    /** What window commands asked for: "window 2", "list", "query bob", "close". */
    final List<String> windowsAskedFor = new ArrayList<>();
    /** The names of the searches sent, as their answers will call them. */
    final List<String> searchedFor = new ArrayList<>();

    RecordingChat withIsupport(String key, String value) {
        state = state.withIsupport(Map.of(key, value));
        return this;
    }

    @Override
    public ClientState state() {
        return state;
    }

    @Override
    public void send(IrcMessage message) {
        sent.add(IrcSerializer.serialize(message));
    }

    @Override
    public void say(String target, String text, boolean action) {
        send(IrcMessage.of("PRIVMSG", target, action ? "\u0001ACTION " + text + "\u0001" : text));
    }

    @Override
    public void show(DisplayLine line) {
        shown.add(line);
    }

    @Override
    public void switchTo(String room) {
        state = state.withCurrentRoom(room);
    }

    @Override
    public void quit(String reason) {
        quitWith = reason;
    }

    @Override
    public String requireRoom() {
        return state.currentRoom();
    }

    @Override
    public String requireTarget() {
        return state.currentRoom();
    }

    @Override
    public void selectWindow(int number) {
        windowsAskedFor.add("window " + number);
    }

    @Override
    public void listWindows() {
        windowsAskedFor.add("list");
    }

    @Override
    public void query(String nick) {
        windowsAskedFor.add("query " + nick);
    }

    @Override
    public void closeWindow() {
        windowsAskedFor.add("close");
    }

    @Override
    public void search(SearchRequest request) {
        searchedFor.add(request.name());
        send(request.toMessage());
    }
}
