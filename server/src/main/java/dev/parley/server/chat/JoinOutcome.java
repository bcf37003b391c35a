package dev.parley.server.chat;

import dev.parley.protocol.Numeric;
import java.util.Map;

/** What {@link Room#join} did. */
public sealed interface JoinOutcome {

    /** The user is now a member; {@code members} includes them. */
    record Joined(Room room, Map<ChatUser, MemberStatus> members) implements JoinOutcome {}

    /** The user was a member already: nothing happens. */
    record AlreadyMember() implements JoinOutcome {}

    /** Refused with this numeric and text. */
    record Refused(Numeric numeric, String text) implements JoinOutcome {}

    /** The room emptied and closed while joining: look it up again. */
    record Closed() implements JoinOutcome {}
}
