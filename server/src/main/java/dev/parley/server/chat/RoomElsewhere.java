package dev.parley.server.chat;

import java.util.List;

/**
 * A room that lives on other nodes of a cluster and not on this one, as LIST, NAMES and WHO show
 * it: its name as it was created, its state there (with how many members it has there), and those
 * members.
 */
public record RoomElsewhere(String name, SharedRoomState state, List<RemoteMember> members) {}
