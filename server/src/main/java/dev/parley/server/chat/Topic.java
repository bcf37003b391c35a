package dev.parley.server.chat;

/** A room's topic, who set it and when (epoch seconds). */
public record Topic(String text, String setBy, long setAtSeconds) {}
