package dev.parley.client.core;

import dev.parley.protocol.IrcMessage;
import java.util.List;

/** What one server line meant: the next state, the events to tell, and any automatic replies (PONG). */
public record Interpretation(ClientState state, List<ClientEvent> events, List<IrcMessage> replies) {

    public Interpretation {
        events = List.copyOf(events);
        replies = List.copyOf(replies);
    }
}
