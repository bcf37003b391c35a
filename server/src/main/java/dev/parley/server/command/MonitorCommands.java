package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IRCv3 MONITOR: {@code + nicks}, {@code - nicks}, {@code C}, {@code L}, {@code S}. Watchers learn
 * when a watched nick comes online (730) or goes offline (731); see {@link #announceOnline} and
 * {@link #announceOffline}, called by registration, nick changes and departures.
 */
public final class MonitorCommands implements CommandFamily {

    /** Nicks one client may monitor (ISUPPORT MONITOR). */
    public static final int LIMIT = 100;

    private final Services services;

    public MonitorCommands(Services services) {
        this.services = services;
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
            if (!NickName.isValid(nick, services.config().limits().nickLength())) {
                continue;
            }
            String key = services.nicks().caseMapping().fold(nick);
            if (!session.monitored().containsKey(key) && session.monitored().size() >= LIMIT) {
                ctx.numeric(Numeric.ERR_MONLISTFULL, Integer.toString(LIMIT), targets, "Monitor list is full.");
                break;
            }
            if (session.monitored().putIfAbsent(key, nick) == null) {
                services.monitors().watch(session, nick);
            }
            added.add(nick);
        }
        status(ctx, added);
    }

    private void remove(CommandContext ctx, String targets) {
        for (String nick : targets.split(",")) {
            if (ctx.session().monitored().remove(services.nicks().caseMapping().fold(nick)) != null) {
                services.monitors().unwatch(ctx.session(), nick);
            }
        }
    }

    private void clear(Session session) {
        services.monitors().unwatchAll(session, session.monitored().values());
        session.monitored().clear();
    }

    private void list(CommandContext ctx) {
        List<String> nicks = List.copyOf(ctx.session().monitored().values());
        for (List<String> chunk : chunks(nicks)) {
            ctx.numeric(Numeric.RPL_MONLIST, String.join(",", chunk));
        }
        ctx.numeric(Numeric.RPL_ENDOFMONLIST, "End of MONITOR list");
    }

    private void status(CommandContext ctx, List<String> nicks) {
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String nick : nicks) {
            Optional<ChatUser> user = services.nicks().find(nick);
            if (user.isPresent()) {
                online.add(user.get().source());
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

    /** Tells the user's watchers it is online. */
    static void announceOnline(Services services, ChatUser user) {
        for (ChatUser watcher : services.monitors().watchersOf(user.nick())) {
            notify(services, watcher, Numeric.RPL_MONONLINE, user.source());
        }
    }

    /** Tells the watchers of {@code nick} that it went offline. */
    static void announceOffline(Services services, String nick) {
        for (ChatUser watcher : services.monitors().watchersOf(nick)) {
            notify(services, watcher, Numeric.RPL_MONOFFLINE, nick);
        }
    }

    /** Drops a departing user's own watch list. */
    static void forget(Services services, Session session) {
        services.monitors().unwatchAll(session, session.monitored().values());
    }

    private static void notify(Services services, ChatUser watcher, Numeric numeric, String text) {
        services.delivery().toUser(watcher,
                new IrcMessage(Map.of(), services.serverName(), numeric.code(), List.of(watcher.nick(), text)));
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
