package dev.parley.client.tui;

/** What a line the user typed is. */
public sealed interface ParsedInput {

    /** Nothing to do. */
    record Blank() implements ParsedInput {}

    /** Text for the current room. */
    record Text(String text) implements ParsedInput {}

    record Command(SlashCommand command, CommandArgs args) implements ParsedInput {}

    /** A command that exists but was given too few or too many words. */
    record Usage(SlashCommand command, CommandArgs args) implements ParsedInput {}

    record Unknown(String name) implements ParsedInput {}
}
