package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import dev.parley.client.core.RoomState;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: {@code /commands} as the first word, then nicks of the current room and room IDs. */
final class InputCompleter implements Completer {

    private volatile Supplier<ClientState> state = ClientState::initial;

    void useState(Supplier<ClientState> source) {
        this.state = source;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            for (SlashCommand command : SlashCommands.all()) {
                candidates.add(new Candidate(
                        "/" + command.name(), "/" + command.name(), null, command.help(), null, null, true));
            }
            return;
        }
        ClientState now = state.get();
        if (now.currentRoom() != null) {
            now.room(now.currentRoom())
                    .map(RoomState::members)
                    .orElse(List.of())
                    .forEach(nick -> candidates.add(new Candidate(nick)));
        }
        now.roomNames().forEach(room -> candidates.add(new Candidate(RoomNames.toDisplay(room))));
    }
}
