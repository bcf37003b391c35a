package dev.parley.server.chat;

/** An entry of a room's ban list: the mask, who set it, when (epoch seconds). */
public record ListEntry(String mask, String setBy, long setAtSeconds) {}
