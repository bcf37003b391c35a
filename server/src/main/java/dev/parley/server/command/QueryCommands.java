package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.info.ServerReplies;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.MetadataUpdates;
import dev.parley.server.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Questions about users and the server: WHOIS, USERHOST, ISON, MOTD, LUSERS, VERSION, TIME, INFO. */
public final class QueryCommands implements CommandFamily {

    private final ServerInfo info;
    private final Rooms rooms;
    private final Nicks nicks;
    private final NickHistory nickHistory;
    private final ServerReplies serverReplies;
    private final Clock clock;

    public QueryCommands(
            ServerInfo info,
            Rooms rooms,
            Nicks nicks,
            NickHistory nickHistory,
            ServerReplies serverReplies,
            Clock clock) {
        this.info = info;
        this.rooms = rooms;
        this.nicks = nicks;
        this.nickHistory = nickHistory;
        this.serverReplies = serverReplies;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("WHOIS", 1, this::whois),
                CommandSpec.registered("USERHOST", 1, this::userhost),
                CommandSpec.registered("ISON", 1, this::ison),
                CommandSpec.registered("MOTD", 0, ctx -> serverReplies.motd(ctx.replies())),
                CommandSpec.registered("LUSERS", 0, ctx -> serverReplies.lusers(ctx.replies())),
                CommandSpec.registered("VERSION", 0, this::version),
                CommandSpec.registered("TIME", 0, this::time),
                CommandSpec.registered("INFO", 0, this::info),
                CommandSpec.registered("WHOWAS", 1, this::whowas));
    }

    void whois(CommandContext ctx) {
        String nick = ctx.param(ctx.paramCount() > 1 ? 1 : 0);
        Optional<ChatUser> found = nicks.find(nick);
        Optional<RemoteMember> remote = found.isEmpty() ? rooms.remote().find(nick) : Optional.empty();
        if (remote.isPresent()) {
            whoisElsewhere(ctx, remote.get());
            return;
        }
        if (found.isEmpty() && nicks.elsewhere(nick).isPresent()) {
            DeferredReply later = ctx.defer();
            rooms.remote()
                    .lookup(nick)
                    .whenComplete((member, failure) -> later.completeWith(() -> {
                        if (failure == null && member.isPresent()) {
                            whoisElsewhere(ctx, member.get());
                        } else {
                            noSuchNick(ctx, nick);
                        }
                    }));
            return;
        }
        if (found.isEmpty()) {
            noSuchNick(ctx, nick);
            return;
        }
        ChatUser user = found.get();
        ctx.numeric(Numeric.RPL_WHOISUSER, user.nick(), user.user(), user.host(), "*", user.realname());
        String rooms = visibleRooms(ctx.session(), user);
        if (!rooms.isEmpty()) {
            ctx.numeric(Numeric.RPL_WHOISCHANNELS, user.nick(), rooms);
        }
        ctx.numeric(Numeric.RPL_WHOISSERVER, user.nick(), info.name(), info.network());
        if (user.isBot()) {
            ctx.numeric(Numeric.RPL_WHOISBOT, user.nick(), "is a Bot on " + info.network());
        }
        if (user.isOperator()) {
            ctx.numeric(Numeric.RPL_WHOISOPERATOR, user.nick(), "is an IRC operator");
        }
        if (user.account() != null) {
            ctx.numeric(Numeric.RPL_WHOISACCOUNT, user.nick(), user.account(), "is logged in as");
        }
        if (user.awayMessage() != null) {
            ctx.numeric(Numeric.RPL_AWAY, user.nick(), user.awayMessage());
        }
        MetadataUpdates.whois(ctx.replies(), ctx.session(), user);
        long now = clock.millis();
        ctx.numeric(
                Numeric.RPL_WHOISIDLE,
                user.nick(),
                Long.toString((now - user.lastMessageMillis()) / 1000),
                Long.toString(user.signonMillis() / 1000),
                "seconds idle, signon time");
        ctx.numeric(Numeric.RPL_ENDOFWHOIS, user.nick(), "End of /WHOIS list");
    }

    private static void noSuchNick(CommandContext ctx, String nick) {
        ctx.numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
        ctx.numeric(Numeric.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
    }

    /**
     * A user of another cluster node, as this node knows them from the rooms it shares with them
     * (those rooms only), or as their node lists them (no rooms); no idle time (that node alone
     * knows it).
     */
    private void whoisElsewhere(CommandContext ctx, RemoteMember user) {
        ctx.numeric(Numeric.RPL_WHOISUSER, user.nick(), user.user(), user.host(), "*", user.realname());
        List<String> names = new ArrayList<>();
        for (String key : rooms.remote().roomsOf(user.nick())) {
            rooms.find(key)
                    .filter(room -> !room.modes().secret() || room.isMember(ctx.session()))
                    .ifPresent(room -> rooms.remote().in(key).stream()
                            .filter(m -> nicks.caseMapping().equal(m.nick(), user.nick()))
                            .findFirst()
                            .ifPresent(m -> names.add(m.status().highestPrefix() + room.name())));
        }
        if (!names.isEmpty()) {
            ctx.numeric(Numeric.RPL_WHOISCHANNELS, user.nick(), String.join(" ", names));
        }
        ctx.numeric(Numeric.RPL_WHOISSERVER, user.nick(), info.name(), info.network());
        if (user.account() != null) {
            ctx.numeric(Numeric.RPL_WHOISACCOUNT, user.nick(), user.account(), "is logged in as");
        }
        if (user.away() != null) {
            ctx.numeric(Numeric.RPL_AWAY, user.nick(), user.away());
        }
        ctx.numeric(Numeric.RPL_ENDOFWHOIS, user.nick(), "End of /WHOIS list");
    }

    private static String visibleRooms(Session asker, ChatUser user) {
        List<String> names = new ArrayList<>();
        for (Room room : Session.roomsOf(user)) {
            if (room.modes().secret() && !room.isMember(asker) && asker != user) {
                continue;
            }
            names.add(room.status(user).map(MemberStatus::highestPrefix).orElse("") + room.name());
        }
        return String.join(" ", names);
    }

    void userhost(CommandContext ctx) {
        List<String> entries = new ArrayList<>();
        for (String nick : ctx.message().params().subList(0, Math.min(5, ctx.paramCount()))) {
            nicks.find(nick)
                    .ifPresent(user -> entries.add(user.nick() + (user.isOperator() ? "*" : "") + "="
                            + (user.awayMessage() == null ? "+" : "-") + user.user() + "@" + user.host()));
        }
        ctx.numeric(Numeric.RPL_USERHOST, String.join(" ", entries));
    }

    void ison(CommandContext ctx) {
        List<String> online = new ArrayList<>();
        for (String param : ctx.message().params()) {
            for (String nick : param.split(" ")) {
                nicks.find(nick).ifPresent(user -> online.add(user.nick()));
            }
        }
        ctx.replies()
                .add(new IrcMessage(
                        Map.of(), info.name(), "303", List.of(ctx.session().nick(), String.join(" ", online))));
    }

    void version(CommandContext ctx) {
        ctx.numeric(Numeric.RPL_VERSION, info.version(), info.name(), "Parley IRC server");
        serverReplies.isupport(ctx.replies());
    }

    void whowas(CommandContext ctx) {
        String nick = ctx.param(0);
        int limit = 0;
        if (ctx.paramCount() > 1) {
            try {
                limit = Integer.parseInt(ctx.param(1));
            } catch (NumberFormatException e) {
                limit = 0;
            }
        }
        var entries = nickHistory.find(nick, limit);
        if (entries.isEmpty()) {
            ctx.numeric(Numeric.ERR_WASNOSUCHNICK, nick, "There was no such nickname");
        }
        for (var entry : entries) {
            ctx.numeric(Numeric.RPL_WHOWASUSER, entry.nick(), entry.user(), entry.host(), "*", entry.realname());
            String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.ofEpochMilli(entry.leftAtMillis()).atOffset(ZoneOffset.UTC));
            ctx.numeric(Numeric.RPL_WHOISSERVER, entry.nick(), info.name(), when);
        }
        ctx.numeric(Numeric.RPL_ENDOFWHOWAS, nick, "End of WHOWAS");
    }

    void info(CommandContext ctx) {
        ctx.numeric(Numeric.RPL_INFO, info.version() + " - Parley, a multi-room chat server that speaks IRC");
        ctx.numeric(Numeric.RPL_INFO, "Running since " + info.startedAt());
        ctx.numeric(Numeric.RPL_ENDOFINFO, "End of INFO list");
    }

    void time(CommandContext ctx) {
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        ctx.numeric(Numeric.RPL_TIME, info.name(), now);
    }
}
