package dev.parley.client.tui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a typed line: text, or {@code /name args} looked up in the command table. {@code //text}
 * sends text that starts with a slash.
 */
public final class CommandLineParser {

    private final Map<String, SlashCommand> byName;

    public CommandLineParser(List<SlashCommand> commands) {
        this.byName = commands.stream().collect(Collectors.toMap(SlashCommand::name, Function.identity()));
    }

    public ParsedInput parse(String line) {
        if (line == null || line.isBlank()) {
            return new ParsedInput.Blank();
        }
        if (!line.startsWith("/")) {
            return new ParsedInput.Text(line);
        }
        if (line.startsWith("//")) {
            return new ParsedInput.Text(line.substring(1));
        }
        int space = line.indexOf(' ');
        String name = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
        SlashCommand command = byName.get(name);
        if (command == null) {
            return new ParsedInput.Unknown(name);
        }
        CommandArgs args = new CommandArgs(space < 0 ? "" : line.substring(space + 1));
        return command.takes(args.count())
                ? new ParsedInput.Command(command, args)
                : new ParsedInput.Usage(command, args);
    }
}
