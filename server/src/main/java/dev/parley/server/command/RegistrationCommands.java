package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.login.RegistrationFlow;
import dev.parley.server.session.Departures;
import dev.parley.server.session.Session;
import java.util.List;
import java.util.function.Supplier;

/**
 * Connection registration and liveness: PASS, USER, PING, PONG, QUIT. (NICK is {@link NickCommands},
 * CAP is {@link CapCommands}.)
 */
public final class RegistrationCommands implements CommandFamily {

    private final ServerInfo info;
    /** The limits in force, read at each command (a reload changes them). */
    private final Supplier<LimitsConfig> limits;

    private final RegistrationFlow flow;
    private final Departures departures;

    public RegistrationCommands(
            ServerInfo info, Supplier<LimitsConfig> limits, RegistrationFlow flow, Departures departures) {
        this.info = info;
        this.limits = limits;
        this.flow = flow;
        this.departures = departures;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.anytime("PASS", 1, this::pass).withFloodCost(0),
                CommandSpec.anytime("USER", 4, this::user),
                CommandSpec.anytime("PING", 1, this::ping).withFloodCost(0.5),
                CommandSpec.anytime("PONG", 0, ctx -> {}).withFloodCost(0),
                CommandSpec.anytime("QUIT", 0, this::quit).withFloodCost(0));
    }

    void pass(CommandContext ctx) {
        if (ctx.session().isRegistered()) {
            ctx.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        ctx.session().registration().setPassword(ctx.param(0));
    }

    void user(CommandContext ctx) {
        Session session = ctx.session();
        if (session.isRegistered() || session.registration().userGiven()) {
            ctx.numeric(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        if (ctx.param(3).isEmpty()) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "USER", "Not enough parameters");
            return;
        }
        session.setUser(cleanUsername(ctx.param(0)));
        session.setRealname(truncate(ctx.param(3), limits.get().realnameLength()));
        session.registration().markUserGiven();
        flow.tryComplete(ctx.session(), ctx.replies());
    }

    void ping(CommandContext ctx) {
        ctx.replies().add(IrcMessage.from(info.name(), "PONG", info.name(), ctx.param(0)));
    }

    void quit(CommandContext ctx) {
        String reason = ctx.paramCount() > 0 && !ctx.param(0).isEmpty() ? "Quit: " + ctx.param(0) : "Client Quit";
        departures.disconnect(ctx.session(), reason);
    }

    private static String cleanUsername(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (out.length() == 16) {
                break;
            }
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.') {
                out.append(c);
            }
        }
        return out.isEmpty() ? "user" : out.toString();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
