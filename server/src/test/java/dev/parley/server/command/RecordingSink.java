package dev.parley.server.command;

import dev.parley.server.chat.MessageSink;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The history hand-off without a writer thread: every offered message is recorded and stored at
 * once, so a CHATHISTORY right after a PRIVMSG finds it, as it does behind the real writer's read
 * barrier.
 */
final class RecordingSink implements MessageSink {

    private final MessageStore store;
    private final List<StoredMessage> offered = new ArrayList<>();

    RecordingSink(MessageStore store) {
        this.store = store;
    }

    @Override
    public synchronized boolean offer(StoredMessage message) {
        offered.add(message);
        store.appendAll(List.of(message));
        return true;
    }

    synchronized List<StoredMessage> offered() {
        return List.copyOf(offered);
    }
}
