package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.session.InboundLine;
import dev.parley.server.session.LineProcessor;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command table. Checks registration, parameter count and privilege once, for every verb, then
 * calls the family's handler; turns unusable lines into their numerics. A handler that throws is a
 * bug: it is logged with the connection id and the client gets 400, and the connection carries on.
 */
public final class CommandDispatcher implements LineProcessor {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Map<String, CommandSpec> table = new HashMap<>();
    private final String serverName;
    private final Supplier<FloodConfig> flood;
    /** Takes the lines of a multi-line message before the table; null when no family offers it. */
    private final MultilineCommands multiline;

    public CommandDispatcher(String serverName, FloodConfig flood, List<CommandFamily> families) {
        this(serverName, () -> flood, families);
    }

    /** @param flood the flood limits in force, read at each line (a reload changes them) */
    public CommandDispatcher(String serverName, Supplier<FloodConfig> flood, List<CommandFamily> families) {
        this.serverName = serverName;
        this.flood = flood;
        this.multiline = families.stream()
                .filter(MultilineCommands.class::isInstance)
                .map(MultilineCommands.class::cast)
                .findFirst()
                .orElse(null);
        for (CommandFamily family : families) {
            for (CommandSpec spec : family.commands()) {
                if (table.putIfAbsent(spec.verb(), spec) != null) {
                    throw new IllegalStateException("verb registered twice: " + spec.verb());
                }
            }
        }
    }

    /** Every verb in the table (tests fuzz each one). */
    public java.util.Set<String> verbs() {
        return java.util.Set.copyOf(table.keySet());
    }

    @Override
    public double floodCost(Session session, InboundLine line) {
        if (!session.isRegistered()) {
            return 0;
        }
        if (session.isOperator() && flood.get().exemptOperators()) {
            return 0;
        }
        if (line instanceof InboundLine.Message message) {
            if (MultilineCommands.isBatchedLine(session, message.message())) {
                return 0;
            }
            CommandSpec spec = table.get(message.message().verb());
            return spec == null ? 1 : spec.floodCost();
        }
        return 1;
    }

    @Override
    public void process(Session session, InboundLine line) {
        if (session.isClosing()) {
            return;
        }
        session.touchInput(System.nanoTime());
        if (line instanceof InboundLine.Message message) {
            dispatch(session, message.message());
            return;
        }
        String label = line instanceof InboundLine.UnknownCommand unknown
                        && session.caps().has(Capability.LABELED_RESPONSE)
                ? unknown.label()
                : null;
        Replies replies = new Replies(session, serverName, label);
        if (line instanceof InboundLine.TooLong) {
            replies.numeric(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
        } else if (line instanceof InboundLine.UnknownCommand unknown) {
            replies.numeric(Numeric.ERR_UNKNOWNCOMMAND, printable(unknown.token()), "Unknown command");
        } else if (line instanceof InboundLine.InvalidUtf8 bad) {
            replies.fail(orStar(bad.command()), "INVALID_UTF8", "Message rejected: it is not valid UTF-8");
        } else if (line instanceof InboundLine.Malformed bad) {
            replies.numeric(Numeric.ERR_UNKNOWNERROR, orStar(bad.command()), "Malformed message: " + bad.reason());
        }
        replies.flush();
    }

    private void dispatch(Session session, IrcMessage message) {
        String label = session.caps().has(Capability.LABELED_RESPONSE) ? message.tag("label") : null;
        Replies replies = new Replies(session, serverName, label);
        CommandContext ctx = new CommandContext(session, message, replies);
        if (multiline != null && multiline.takeBatchedLine(ctx)) {
            replies.flush();
            return;
        }
        CommandSpec spec = table.get(message.verb());
        if (passesChecks(spec, ctx)) {
            runHandler(spec, ctx);
        }
        if (!ctx.isDeferred() && !session.isClosing()) {
            replies.flush();
        }
    }

    private boolean passesChecks(CommandSpec spec, CommandContext ctx) {
        Session session = ctx.session();
        if (spec == null) {
            ctx.numeric(Numeric.ERR_UNKNOWNCOMMAND, ctx.message().command(), "Unknown command");
            return false;
        }
        if (spec.needsRegistration() && !session.isRegistered()) {
            ctx.numeric(Numeric.ERR_NOTREGISTERED, "You have not registered");
            return false;
        }
        if (ctx.paramCount() < spec.minParams() || missingRequiredText(spec, ctx)) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, spec.verb(), "Not enough parameters");
            return false;
        }
        if (spec.operatorOnly() && !session.isOperator()) {
            ctx.numeric(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            return false;
        }
        return true;
    }

    /** The first parameter of most verbs may not be empty ({@code NICK :} is no nick). */
    private static boolean missingRequiredText(CommandSpec spec, CommandContext ctx) {
        return spec.minParams() > 0 && ctx.param(0).isEmpty() && !spec.verb().equals("NICK");
    }

    private void runHandler(CommandSpec spec, CommandContext ctx) {
        try {
            spec.handler().handle(ctx);
        } catch (RuntimeException e) {
            log.error("{} {} failed", ctx.session(), spec.verb(), e);
            ctx.numeric(Numeric.ERR_UNKNOWNERROR, spec.verb(), "Internal error; the server logged it");
        }
    }

    /** The token as a middle parameter can carry it: no ':' at its start, else {@code *}. */
    private static String printable(String token) {
        return token.isEmpty() || token.startsWith(":") ? "*" : token;
    }

    private static String orStar(String command) {
        return command == null ? "*" : command;
    }
}
