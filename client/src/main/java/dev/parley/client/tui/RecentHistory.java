package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientState;
import dev.parley.protocol.IrcMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was said before we came: when a join opens a room's window, its last {@link #MESSAGES}
 * messages are asked for (CHATHISTORY) and shown, marked as history. A room with none shows nothing.
 */
final class RecentHistory {

    static final int MESSAGES = 15;

    /** Rooms asked about, casefolded, until their answer comes. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    /** The line asking for {@code room}'s recent messages; null when the server offers no CHATHISTORY. */
    IrcMessage ask(String room, ClientState state) {
        var limit = state.chatHistoryLimit();
        if (limit.isEmpty()) {
            return null;
        }
        asked.add(state.caseMapping().fold(room));
        return IrcMessage.of("CHATHISTORY", "LATEST", room, "*", String.valueOf(Math.min(MESSAGES, limit.get())));
    }

    /** Whether a replay is shown: all are, but an empty answer to our own asking. */
    boolean shows(ClientEvent.HistoryReplayed replay, ClientState state) {
        boolean ours = asked.remove(state.caseMapping().fold(replay.target()));
        return !ours || !replay.messages().isEmpty();
    }
}
