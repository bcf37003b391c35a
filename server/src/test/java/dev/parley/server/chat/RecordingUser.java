package dev.parley.server.chat;

import dev.parley.protocol.cap.CapabilitySet;
import java.util.ArrayList;
import java.util.List;

/** A registered user that records what it is sent, as text, once flushed. */
final class RecordingUser implements ChatUser {
    private final UserSnapshot snapshot;
    private final List<String> pending = new ArrayList<>();
    final List<String> lines = new ArrayList<>();

    RecordingUser(String nick, CapabilitySet caps) {
        this.snapshot = UserSnapshot.connecting("192.0.2.1")
                .withNick(nick)
                .withUser(nick)
                .withCaps(caps)
                .registeredAt(0);
    }

    @Override
    public UserSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public String guestIdentity() {
        return "!" + snapshot.nick();
    }

    @Override
    public Metadata metadata() {
        return new Metadata();
    }

    @Override
    public void send(OutboundLine line) {
        pending.add(line.text());
    }

    @Override
    public void flush() {
        lines.addAll(pending);
        pending.clear();
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }
}
