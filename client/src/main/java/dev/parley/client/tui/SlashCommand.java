package dev.parley.client.tui;

/**
 * One entry of the command table.
 *
 * @param name the word after the slash
 * @param usage the arguments, for /help
 * @param help what it does, for /help
 * @param admin whether only the admin (a server operator) may use it
 * @param minArgs how many words the arguments must have at least
 * @param maxArgs how many words they may have at most ({@link #ANY_TEXT} for free text): more is a
 *     usage error rather than words silently dropped
 * @param run what it does, given the text after the name
 */
public record SlashCommand(
        String name, String usage, String help, boolean admin, int minArgs, int maxArgs, Handler run) {

    /** {@code maxArgs} of a command whose last argument is free text. */
    public static final int ANY_TEXT = Integer.MAX_VALUE;

    /** Whether {@code count} words are what this command takes. */
    public boolean takes(int count) {
        return count >= minArgs && count <= maxArgs;
    }

    /**
     * What to tell someone who typed {@code /name args} with a word count this command does not
     * take. Extra words are refused rather than dropped, so say why a second word is wrong.
     */
    public String usageError(CommandArgs args) {
        String usageLine = "Usage: /" + name + (usage.isEmpty() ? "" : " " + usage);
        if (args.count() <= maxArgs) {
            return usageLine;
        }
        String typed = "/" + name + " " + args.text();
        if (usage.startsWith("room")) {
            return "Room names have no spaces: " + typed + " was not sent. " + usageLine;
        }
        if (usage.startsWith("nick") || usage.startsWith("new")) {
            return "Nicknames have no spaces: " + typed + " was not sent. " + usageLine;
        }
        return "Too many words: " + typed + " was not sent. " + usageLine;
    }

    /** A command's action. */
    @FunctionalInterface
    public interface Handler {
        void run(ChatActions chat, CommandArgs args);
    }
}
