package dev.parley.server.command;

import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.Mask;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomElsewhere;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.WhoxFields;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * WHO, plain (352) and WHOX ({@code WHO <mask> %<fields>[,<token>]}, 354 with the asked fields).
 * Invisible users show to those who share a room with them, and to exact-nick queries. On a cluster,
 * members of other nodes are listed in their rooms, by exact nick, and by mask when they share a
 * room with the asker.
 */
public final class WhoCommands implements CommandFamily {

    private final ServerInfo info;
    private final Rooms rooms;
    private final Nicks nicks;
    private final Clock clock;

    public WhoCommands(ServerInfo info, Rooms rooms, Nicks nicks, Clock clock) {
        this.info = info;
        this.rooms = rooms;
        this.nicks = nicks;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("WHO", 0, this::who));
    }

    void who(CommandContext ctx) {
        String mask = ctx.paramCount() > 0 && !ctx.param(0).isEmpty() ? ctx.param(0) : "*";
        WhoxFields whox = ctx.paramCount() > 1 ? WhoxFields.parse(ctx.param(1)) : null;
        if (ChannelName.looksLikeRoom(mask) && rooms.find(mask).isEmpty()) {
            whoElsewhere(ctx, mask, whox);
            return;
        }
        if (ChannelName.looksLikeRoom(mask)) {
            Optional<Room> room = rooms.find(mask);
            room.filter(r -> !r.modes().secret() || r.isMember(ctx.session()))
                    .ifPresent(r -> r.members().forEach((user, status) -> {
                        if (!user.isInvisible() || r.isMember(ctx.session())) {
                            reply(ctx, whox, r.name(), user, status);
                        }
                    }));
            room.filter(r -> !r.modes().secret() || r.isMember(ctx.session()))
                    .ifPresent(r -> rooms.remote().in(r.key()).stream()
                            .filter(member -> !member.invisible() || r.isMember(ctx.session()))
                            .forEach(member -> replyElsewhere(ctx, whox, r.name(), member)));
        } else {
            Optional<ChatUser> exact = nicks.find(mask);
            Optional<RemoteMember> remote = exact.isEmpty() ? rooms.remote().find(mask) : Optional.empty();
            if (exact.isPresent()) {
                reply(ctx, whox, "*", exact.get(), null);
            } else if (remote.isPresent()) {
                replyElsewhere(ctx, whox, "*", remote.get());
            } else {
                Mask pattern = Mask.of(mask, nicks.caseMapping());
                for (ChatUser user : nicks.all()) {
                    if (user.isRegistered()
                            && (!user.isInvisible() || sharesRoom(ctx.session(), user))
                            && (pattern.matches(user.nick()) || pattern.matches(user.source()))) {
                        reply(ctx, whox, "*", user, null);
                    }
                }
                for (RemoteMember member : remoteRoomMates(ctx.session())) {
                    if (pattern.matches(member.nick()) || pattern.matches(member.source())) {
                        replyElsewhere(ctx, whox, "*", member);
                    }
                }
            }
        }
        ctx.numeric(Numeric.RPL_ENDOFWHO, mask, "End of WHO list");
    }

    /** WHO of a room not open here: its visible members on other cluster nodes (asked of Redis), or none. */
    private void whoElsewhere(CommandContext ctx, String mask, WhoxFields whox) {
        CompletableFuture<Optional<RoomElsewhere>> elsewhere = rooms.elsewhere(mask);
        Runnable answer = () -> {
            Optional<RoomElsewhere> found = elsewhere.isCompletedExceptionally() ? Optional.empty() : elsewhere.join();
            found.filter(room -> !room.state().modes().secret())
                    .ifPresent(room -> room.members().stream()
                            .filter(member -> !member.invisible())
                            .forEach(member -> replyElsewhere(ctx, whox, room.name(), member)));
            ctx.numeric(Numeric.RPL_ENDOFWHO, mask, "End of WHO list");
        };
        if (elsewhere.isDone()) {
            answer.run();
            return;
        }
        DeferredReply later = ctx.defer();
        elsewhere.whenComplete((found, failure) -> later.completeWith(answer));
    }

    private void reply(CommandContext ctx, WhoxFields whox, String room, ChatUser user, MemberStatus status) {
        String flags = (user.awayMessage() == null ? "H" : "G")
                + (user.isOperator() ? "*" : "")
                + (user.isBot() ? "B" : "")
                + (status == null ? "" : prefixesFor(ctx.session(), status));
        if (whox != null) {
            ctx.numeric(
                    Numeric.RPL_WHOSPCRPL,
                    whox.values(WhoxFields.Row.of(room, user, flags, info.name(), clock.millis()))
                            .toArray(String[]::new));
            return;
        }
        ctx.numeric(
                Numeric.RPL_WHOREPLY,
                room,
                user.user(),
                user.host(),
                info.name(),
                user.nick(),
                flags,
                "0 " + user.realname());
    }

    /** A member of another cluster node: their idle time is not known here (WHOX says 0). */
    private void replyElsewhere(CommandContext ctx, WhoxFields whox, String room, RemoteMember member) {
        String flags = (member.away() == null ? "H" : "G")
                + (room.equals("*") ? "" : prefixesFor(ctx.session(), member.status()));
        if (whox != null) {
            ctx.numeric(
                    Numeric.RPL_WHOSPCRPL,
                    whox.values(WhoxFields.Row.of(room, member, flags, info.name()))
                            .toArray(String[]::new));
            return;
        }
        ctx.numeric(
                Numeric.RPL_WHOREPLY,
                room,
                member.user(),
                member.host(),
                info.name(),
                member.nick(),
                flags,
                "0 " + member.realname());
    }

    private static String prefixesFor(Session asker, MemberStatus status) {
        return asker.caps().has(Capability.MULTI_PREFIX) ? status.allPrefixes() : status.highestPrefix();
    }

    /** The users of other cluster nodes in the asker's rooms, once each: sharing a room shows even an invisible user. */
    private Collection<RemoteMember> remoteRoomMates(Session asker) {
        Map<String, RemoteMember> mates = new LinkedHashMap<>();
        for (Room room : asker.rooms()) {
            for (RemoteMember member : rooms.remote().in(room.key())) {
                mates.putIfAbsent(nicks.caseMapping().fold(member.nick()), member);
            }
        }
        return mates.values();
    }

    /** Invisible users are still seen by those who share a room with them. */
    private static boolean sharesRoom(Session asker, ChatUser user) {
        for (Room room : asker.rooms()) {
            if (room.isMember(user)) {
                return true;
            }
        }
        return asker == user;
    }
}
