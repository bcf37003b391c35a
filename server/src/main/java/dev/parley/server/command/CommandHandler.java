package dev.parley.server.command;

/** Handles one verb. */
@FunctionalInterface
public interface CommandHandler {
    void handle(CommandContext ctx);
}
