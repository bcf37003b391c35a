package dev.parley.server.chat;

import java.util.List;

/**
 * A room's state as the nodes of a cluster that have members in it hold it: what a node opening
 * the room takes on, so that it does not start the room afresh (new modes, its first member an
 * operator) while the room lives on elsewhere. {@code invited} are the casefolded nicks holding an
 * invitation not used yet. {@code membersElsewhere} is how many members the room had on the other
 * nodes when the state was read (counted against +l by a node opening it); it is not kept in Redis.
 */
public record SharedRoomState(
        RoomModes modes,
        Topic topic,
        List<ListEntry> bans,
        List<ListEntry> banExceptions,
        List<ListEntry> inviteExceptions,
        List<String> invited,
        int membersElsewhere) {

    /** The state as read, with how many members the room has on the other nodes. */
    public SharedRoomState withMembersElsewhere(int count) {
        return new SharedRoomState(modes, topic, bans, banExceptions, inviteExceptions, invited, count);
    }
}
