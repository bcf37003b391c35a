package dev.parley.server.command;

import dev.parley.protocol.Numeric;
import dev.parley.server.info.HelpTopics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HELP and HELPOP: 704, 705 per line, 706; 524 for a topic there is no text for. */
public final class HelpCommands implements CommandFamily {

    private final HelpTopics topics = HelpTopics.load();

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("HELP", 0, this::help), CommandSpec.registered("HELPOP", 0, this::help));
    }

    void help(CommandContext ctx) {
        boolean asked = ctx.paramCount() > 0 && !ctx.param(0).isEmpty();
        String subject = asked ? ctx.param(0).toUpperCase(Locale.ROOT) : HelpTopics.INDEX;
        Optional<List<String>> text = topics.find(subject);
        if (text.isEmpty() || text.get().isEmpty()) {
            ctx.numeric(
                    Numeric.ERR_HELPNOTFOUND,
                    subject.startsWith(":") ? "*" : subject,
                    "No help available on this topic");
            return;
        }
        List<String> lines = text.get();
        ctx.numeric(Numeric.RPL_HELPSTART, subject, lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            ctx.numeric(Numeric.RPL_HELPTXT, subject, line);
        }
        ctx.numeric(Numeric.RPL_ENDOFHELP, subject, "End of /HELP");
    }
}
