package dev.parley.server.chat;

import dev.parley.protocol.cap.Capability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who hears of a change to a user (AWAY, SETNAME, ACCOUNT): the people sharing a room with them,
 * and, with IRCv3 {@code extended-monitor}, the people monitoring their nick; in both cases only
 * those who asked for the change's capability, and each once.
 */
public final class ChangeWitnesses {

    private ChangeWitnesses() {}

    public static List<ChatUser> of(Monitors monitors, ChatUser user, Collection<Room> rooms, Capability cap) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        for (Room room : rooms) {
            witnesses.addAll(room.members().keySet());
        }
        for (ChatUser watcher : monitors.watchersOf(user.nick())) {
            if (watcher.caps().has(Capability.EXTENDED_MONITOR)) {
                witnesses.add(watcher);
            }
        }
        ChatUser actor = user.actor();
        boolean actorWitnesses = witnesses.remove(actor);
        if (actorWitnesses && actor != user) {
            witnesses.addAll(Delivery.otherDevices(user)); // the account's other devices hear of it
        }
        List<ChatUser> wanting = new ArrayList<>();
        for (ChatUser witness : witnesses) {
            if (witness.caps().has(cap)) {
                wanting.add(witness);
            }
        }
        return wanting;
    }
}
