package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.session.AccountPresence;
import dev.parley.server.session.Presences;
import dev.parley.server.session.Session;
import java.util.List;
import java.util.Locale;

/** ALWAYSON: an account's choice to stay present when its last connection leaves. */
public final class PresenceCommands implements CommandFamily {

    private final Presences presences;
    private final String serverName;

    public PresenceCommands(Presences presences, String serverName) {
        this.presences = presences;
        this.serverName = serverName;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("ALWAYSON", 0, this::alwaysOn));
    }

    void alwaysOn(CommandContext ctx) {
        Session session = ctx.session();
        String account = session.account();
        if (account == null) {
            ctx.replies()
                    .fail("ALWAYSON", "ACCOUNT_REQUIRED", "Log in to an account first: always-on is kept per account");
            return;
        }
        String choice = ctx.paramCount() == 0 ? "" : ctx.param(0).toUpperCase(Locale.ROOT);
        switch (choice) {
            case "" -> {}
            case "ON" -> presences.choose(account, true);
            case "OFF" -> presences.choose(account, false);
            case "DEFAULT" -> presences.choose(account, null);
            default -> {
                ctx.replies().fail("ALWAYSON", "INVALID_PARAMS", ctx.param(0), "Say ON, OFF or DEFAULT");
                return;
            }
        }
        boolean on = presences.alwaysOn(account);
        ctx.replies().add(IrcMessage.from(serverName, "NOTE", "ALWAYSON", on ? "ON" : "OFF", describe(session, on)));
    }

    private static String describe(Session session, boolean on) {
        if (!on) {
            return "Your account leaves its rooms when your last connection does";
        }
        AccountPresence presence = session.presence();
        return presence != null && presence.isAlwaysOn()
                ? "Your account stays in its rooms, away, when your last connection leaves"
                : "Your account will stay present from your next login (SASL or PASS)";
    }
}
