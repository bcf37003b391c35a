package dev.parley.client.tui;

/**
 * One entry of the command table.
 *
 * @param name the word after the slash
 * @param usage the arguments, for /help
 * @param help what it does, for /help
 * @param admin whether only the admin (a server operator) may use it
 * @param minArgs how many words the arguments must have at least
 * @param run what it does, given the text after the name
 */
public record SlashCommand(String name, String usage, String help, boolean admin, int minArgs, Handler run) {

    /** A command's action. */
    @FunctionalInterface
    public interface Handler {
        void run(ChatActions chat, CommandArgs args);
    }
}
