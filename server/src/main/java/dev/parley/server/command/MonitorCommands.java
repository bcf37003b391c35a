package dev.parley.server.command;

import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.Nicks;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IRCv3 MONITOR: {@code + nicks}, {@code - nicks}, {@code C}, {@code L}, {@code S}. Watchers learn
 * when a watched nick comes online (730) or goes offline (731); see {@link #announceOnline} and
 * {@link #announceOffline}, called by registration, nick changes and departures.
 */
public final class MonitorCommands implements CommandFamily {

    private final LimitsConfig limits;
    private final Nicks nicks;
    private final Monitors monitors;

    public MonitorCommands(LimitsConfig limits, Nicks nicks, Monitors monitors) {
        this.limits = limits;
        this.nicks = nicks;
        this.monitors = monitors;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("MONITOR", 1, this::monitor));
    }

    void monitor(CommandContext ctx) {
        String targets = ctx.paramCount() > 1 ? ctx.param(1) : "";
        switch (ctx.param(0).toUpperCase(Locale.ROOT)) {
            case "+" -> add(ctx, targets);
            case "-" -> remove(ctx, targets);
            case "C" -> clear(ctx.session());
            case "L" -> list(ctx);
            case "S" -> status(ctx, List.copyOf(ctx.session().monitored().values()));
            default -> ctx.numeric(Numeric.ERR_UNKNOWNCOMMAND, "MONITOR", "Unknown MONITOR subcommand");
        }
    }

    private void add(CommandContext ctx, String targets) {
        Session session = ctx.session();
        List<String> added = new ArrayList<>();
        for (String nick : targets.split(",")) {
            if (!NickName.isValid(nick, limits.nickLength())) {
                continue;
            }
            String key = nicks.caseMapping().fold(nick);
            if (!session.monitored().containsKey(key) && session.monitored().size() >= Monitors.LIMIT) {
                ctx.numeric(
                        Numeric.ERR_MONLISTFULL, Integer.toString(Monitors.LIMIT), targets, "Monitor list is full.");
                break;
            }
            if (session.monitored().putIfAbsent(key, nick) == null) {
                monitors.watch(session, nick);
            }
            added.add(nick);
        }
        status(ctx, added);
    }

    private void remove(CommandContext ctx, String targets) {
        for (String nick : targets.split(",")) {
            if (ctx.session().monitored().remove(nicks.caseMapping().fold(nick)) != null) {
                monitors.unwatch(ctx.session(), nick);
            }
        }
    }

    private void clear(Session session) {
        monitors.unwatchAll(session, session.monitored().values());
        session.monitored().clear();
    }

    private void list(CommandContext ctx) {
        List<String> nicks = List.copyOf(ctx.session().monitored().values());
        for (List<String> chunk : chunks(nicks)) {
            ctx.numeric(Numeric.RPL_MONLIST, String.join(",", chunk));
        }
        ctx.numeric(Numeric.RPL_ENDOFMONLIST, "End of MONITOR list");
    }

    private void status(CommandContext ctx, List<String> asked) {
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String nick : asked) {
            Optional<ChatUser> user = nicks.find(nick);
            if (user.isPresent()) {
                online.add(user.get().source());
            } else if (nicks.elsewhere(nick).isPresent()) {
                online.add(nick);
            } else {
                offline.add(nick);
            }
        }
        for (List<String> chunk : chunks(online)) {
            ctx.numeric(Numeric.RPL_MONONLINE, String.join(",", chunk));
        }
        for (List<String> chunk : chunks(offline)) {
            ctx.numeric(Numeric.RPL_MONOFFLINE, String.join(",", chunk));
        }
    }

    /** Nicks in groups short enough for one line each. */
    private static List<List<String>> chunks(List<String> items) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String item : items) {
            if (!current.isEmpty() && length + item.length() + 1 > 400) {
                chunks.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(item);
            length += item.length() + 1;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
