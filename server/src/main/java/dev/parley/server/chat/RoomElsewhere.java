package dev.parley.server.chat;

/**
 * A room that lives on other nodes of a cluster and not on this one, as LIST shows it: its name as
 * it was created, and its state there (with how many members it has there).
 */
public record RoomElsewhere(String name, SharedRoomState state) {}
