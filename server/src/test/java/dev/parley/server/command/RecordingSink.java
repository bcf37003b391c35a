package dev.parley.server.command;

import dev.parley.server.chat.MessageSink;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The history hand-off without a writer thread: every offered message is recorded and stored at
 * once, so a CHATHISTORY right after a PRIVMSG finds it, as it does behind the real writer's read
 * barrier. For {@code durability: sync} a test may {@link #holdCommits() hold} the commits and then
 * {@link #settleHeld settle} them, to see what happens before and after a message is durable.
 */
final class RecordingSink implements MessageSink {

    private final MessageStore store;
    private final List<StoredMessage> offered = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private boolean holding;

    private record Held(StoredMessage message, Consumer<Boolean> whenDone) {}

    RecordingSink(MessageStore store) {
        this.store = store;
    }

    @Override
    public boolean offer(StoredMessage message) {
        offered.add(message);
        store.appendAll(List.of(message));
        return true;
    }

    @Override
    public boolean offer(StoredMessage message, Consumer<Boolean> whenDone) {
        if (!holding) {
            offer(message);
            whenDone.accept(true);
            return true;
        }
        offered.add(message);
        held.add(new Held(message, whenDone));
        return true;
    }

    /** From now on, messages offered with a completion wait for {@link #settleHeld}. */
    void holdCommits() {
        holding = true;
    }

    /** Completes the held messages: stored ({@code durable}) or lost. */
    void settleHeld(boolean durable) {
        List<Held> due = List.copyOf(held);
        held.clear();
        for (Held h : due) {
            if (durable) {
                store.appendAll(List.of(h.message()));
            }
            h.whenDone().accept(durable);
        }
    }

    List<StoredMessage> offered() {
        return List.copyOf(offered);
    }
}
