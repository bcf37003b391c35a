package dev.parley.server.chat;

import java.util.List;

/**
 * A room's state as the nodes of a cluster that have members in it hold it: what a node opening
 * the room takes on, so that it does not start the room afresh (new modes, its first member an
 * operator) while the room lives on elsewhere.
 */
public record SharedRoomState(
        RoomModes modes,
        Topic topic,
        List<ListEntry> bans,
        List<ListEntry> banExceptions,
        List<ListEntry> inviteExceptions) {}
