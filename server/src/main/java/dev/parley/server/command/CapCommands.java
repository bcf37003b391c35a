package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.login.RegistrationFlow;
import dev.parley.server.session.Caps;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IRCv3 capability negotiation: CAP LS, LIST, REQ, END. */
public final class CapCommands implements CommandFamily {

    private final ServerInfo info;
    private final Caps caps;
    private final RegistrationFlow flow;

    public CapCommands(ServerInfo info, Caps caps, RegistrationFlow flow) {
        this.info = info;
        this.caps = caps;
        this.flow = flow;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.anytime("CAP", 1, this::cap).withFloodCost(0));
    }

    void cap(CommandContext ctx) {
        switch (ctx.param(0).toUpperCase(Locale.ROOT)) {
            case "LS" -> ls(ctx);
            case "LIST" -> list(ctx);
            case "REQ" -> req(ctx);
            case "END" -> end(ctx);
            default -> ctx.numeric(Numeric.ERR_INVALIDCAPCMD, ctx.param(0), "Invalid CAP command");
        }
    }

    private void ls(CommandContext ctx) {
        Session session = ctx.session();
        int version = parseVersion(ctx.param(1));
        if (!session.isRegistered()) {
            session.registration().setCapNegotiating(true);
        }
        session.registration().setCapVersion(version);
        if (version >= 302) {
            session.setCaps(session.caps().with(List.of(Capability.CAP_NOTIFY)));
        }
        reply(ctx, "LS", String.join(" ", caps.names(version >= 302)));
    }

    private void list(CommandContext ctx) {
        List<String> names = new ArrayList<>();
        for (Capability cap : ctx.session().caps().asSet()) {
            names.add(cap.wireName());
        }
        reply(ctx, "LIST", String.join(" ", names));
    }

    private void req(CommandContext ctx) {
        Session session = ctx.session();
        if (!session.isRegistered()) {
            session.registration().setCapNegotiating(true);
        }
        String requested = ctx.paramCount() > 1 ? ctx.param(1).trim() : "";
        List<Capability> enable = new ArrayList<>();
        List<Capability> disable = new ArrayList<>();
        for (String token : requested.split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean off = token.startsWith("-");
            var cap = Capability.byName(off ? token.substring(1) : token).filter(caps::offers);
            if (cap.isEmpty()) {
                reply(ctx, "NAK", requested);
                return;
            }
            (off ? disable : enable).add(cap.get());
        }
        session.setCaps(session.caps().with(enable).without(disable));
        reply(ctx, "ACK", requested);
    }

    private void end(CommandContext ctx) {
        Session session = ctx.session();
        if (session.isRegistered()) {
            return;
        }
        if (session.sasl().inProgress()) {
            session.sasl().reset();
            ctx.numeric(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
        }
        session.registration().setCapNegotiating(false);
        flow.tryComplete(ctx.session(), ctx.replies());
    }

    private void reply(CommandContext ctx, String subcommand, String text) {
        ctx.replies().add(IrcMessage.from(info.name(), "CAP", ctx.session().nickOrStar(), subcommand, text));
    }

    private static int parseVersion(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
