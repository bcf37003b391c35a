package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Immunity;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Room.JoinOutcome;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.SharedRoomState;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Departures;
import dev.parley.server.session.JoinMarkers;
import dev.parley.server.session.JoinReplies;
import dev.parley.server.session.ReadMarkers;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Joining and leaving rooms: JOIN, PART and KICK. Room facts are in {@link RoomInfoCommands}. */
public final class RoomCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(RoomCommands.class);

    /** The limits in force, read at each command (a reload changes them). */
    private final Supplier<LimitsConfig> limits;

    private final Rooms rooms;
    private final Nicks nicks;
    private final Bans bans;
    private final ReadMarkers readMarkers;
    private final Delivery delivery;
    private final JoinReplies joinReplies;
    private final String serverName;
    private final Departures departures;
    private final OtherNodes otherNodes;

    public RoomCommands(
            Supplier<LimitsConfig> limits,
            Rooms rooms,
            Nicks nicks,
            Bans bans,
            ReadMarkers readMarkers,
            Delivery delivery,
            JoinReplies joinReplies,
            String serverName,
            Departures departures,
            OtherNodes otherNodes) {
        this.departures = departures;
        this.otherNodes = otherNodes;
        this.limits = limits;
        this.rooms = rooms;
        this.nicks = nicks;
        this.bans = bans;
        this.readMarkers = readMarkers;
        this.delivery = delivery;
        this.joinReplies = joinReplies;
        this.serverName = serverName;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("JOIN", 1, this::join),
                CommandSpec.registered("PART", 1, this::part),
                CommandSpec.registered("KICK", 2, this::kick));
    }

    void join(CommandContext ctx) {
        if (ctx.param(0).equals("0")) {
            for (Room room : List.copyOf(ctx.session().rooms())) {
                leave(ctx, room, "PART", null);
            }
            return;
        }
        List<String> names = List.of(ctx.param(0).split(","));
        List<String> keys = ctx.paramCount() > 1 ? List.of(ctx.param(1).split(",")) : List.of();
        CompletableFuture<JoinMarkers> markers = readMarkers.forJoin(ctx.session(), names);
        Map<String, CompletableFuture<Optional<SharedRoomState>>> states = new HashMap<>();
        for (String name : names) {
            if (ChannelName.looksLikeRoom(name)) {
                states.put(name, rooms.stateFor(name));
            }
        }
        CompletableFuture<Void> ready = CompletableFuture.allOf(states.values().toArray(CompletableFuture[]::new));
        if (markers.isDone() && ready.isDone()) {
            joinAll(ctx, names, keys, markers.join(), states);
            return;
        }
        // A logged-in client's read markers come from the database, and a room living on other
        // cluster nodes has its state in Redis: look them up before joining, so that no room event
        // can reach the client ahead of its own JOIN.
        DeferredReply later = ctx.defer();
        markers.whenComplete((found, error) -> ready.whenComplete(
                (done, failure) -> later.completeWith(() -> joinAll(ctx, names, keys, found, states))));
    }

    private void joinAll(
            CommandContext ctx,
            List<String> names,
            List<String> keys,
            JoinMarkers markers,
            Map<String, CompletableFuture<Optional<SharedRoomState>>> states) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!name.isEmpty()) {
                CompletableFuture<Optional<SharedRoomState>> state = states.get(name);
                Optional<SharedRoomState> elsewhere =
                        state == null || state.isCompletedExceptionally() ? Optional.empty() : state.join();
                joinOne(ctx, name, i < keys.size() ? keys.get(i) : null, markers, elsewhere);
            }
        }
    }

    private void joinOne(
            CommandContext ctx, String name, String key, JoinMarkers markers, Optional<SharedRoomState> elsewhere) {
        Session session = ctx.session();
        if (!ChannelName.looksLikeRoom(name)) {
            ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            return;
        }
        if (!ChannelName.isValid(name, limits.get().roomNameLength())) {
            ctx.numeric(Numeric.ERR_BADCHANNAME, name, "Illegal channel name");
            return;
        }
        if (session.rooms().size() >= limits.get().maxRoomsPerClient()
                && rooms.find(name).map(r -> !r.isMember(session)).orElse(true)) {
            ctx.numeric(Numeric.ERR_TOOMANYCHANNELS, name, "You have joined too many channels");
            return;
        }
        if (!session.isOperator()
                && bans.find(session.source(), session.account(), session.host())
                        .isPresent()) {
            ctx.numeric(Numeric.ERR_BANNEDFROMCHAN, name, "Cannot join channel (you are banned from this server)");
            return;
        }
        JoinOutcome outcome = rooms.join(name, session, key, elsewhere);
        if (outcome instanceof JoinOutcome.Refused refused) {
            ctx.numeric(refused.numeric(), name, refused.text());
        } else if (outcome instanceof JoinOutcome.Joined joined) {
            session.rooms().add(joined.room());
            announceJoin(ctx, joined.room(), markers);
        }
    }

    private void announceJoin(CommandContext ctx, Room room, JoinMarkers markers) {
        Session session = ctx.session();
        ChatUser joiner = session.actor();
        IrcMessage plain = JoinReplies.joinLine(joiner, room, false);
        IrcMessage extended = JoinReplies.joinLine(joiner, room, true);
        List<ChatUser> plainOnes = new ArrayList<>();
        List<ChatUser> extendedOnes = new ArrayList<>();
        for (ChatUser member : room.members().keySet()) {
            if (member != joiner) {
                (member.caps().has(Capability.EXTENDED_JOIN) ? extendedOnes : plainOnes).add(member);
            }
        }
        delivery.send(plain, plainOnes);
        delivery.send(extended, extendedOnes);
        announceAway(joiner, room);
        rooms.events().joined(room, joiner, room.status(joiner).orElse(MemberStatus.PLAIN), extended);
        joinReplies.add(ctx.replies(), session, room, markers);
        for (ChatUser device : Delivery.otherDevices(session)) {
            device.execute(() -> rejoin(device, room));
        }
    }

    /** Another device of the joiner's account is told of the join as if it had joined itself. */
    private void rejoin(ChatUser device, Room room) {
        if (device instanceof Session other && !other.isClosing() && room.isMember(other)) {
            Replies replies = new Replies(other, serverName, null);
            joinReplies.add(replies, other, room, JoinMarkers.NONE);
            replies.flush();
        }
    }

    /** away-notify: members who asked learn at once that the newcomer is away. */
    private void announceAway(ChatUser joiner, Room room) {
        if (joiner.awayMessage() == null) {
            return;
        }
        List<ChatUser> watchers = new ArrayList<>();
        for (ChatUser member : room.members().keySet()) {
            if (member != joiner && member.caps().has(Capability.AWAY_NOTIFY)) {
                watchers.add(member);
            }
        }
        delivery.send(UserEvent.from(joiner, "AWAY", joiner.awayMessage()), watchers);
    }

    void part(CommandContext ctx) {
        String reason = ctx.paramCount() > 1 ? ctx.param(1) : null;
        for (String name : ctx.param(0).split(",")) {
            Optional<Room> room = rooms.find(name);
            if (room.isEmpty()) {
                ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            } else if (!room.get().isMember(ctx.session())) {
                ctx.numeric(Numeric.ERR_NOTONCHANNEL, room.get().name(), "You're not on that channel");
            } else {
                leave(ctx, room.get(), "PART", reason);
            }
        }
    }

    private void leave(CommandContext ctx, Room room, String verb, String reason) {
        Session session = ctx.session();
        IrcMessage message = reason == null
                ? IrcMessage.from(session.source(), verb, room.name())
                : IrcMessage.from(session.source(), verb, room.name(), reason);
        delivery.toRoom(message, room, session);
        ctx.replies().add(message);
        rooms.events().left(room, session.actor(), message);
        rooms.leave(room, session);
        session.rooms().remove(room);
    }

    /**
     * KICK #room nick[,nick] or, pairwise, KICK #a,#b nick1,nick2. One KICK line per victim goes out,
     * as clients expect.
     */
    void kick(CommandContext ctx) {
        String[] rooms = ctx.param(0).split(",");
        String[] nicks = ctx.param(1).split(",");
        if (rooms.length != 1 && rooms.length != nicks.length) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "KICK", "Give one room, or as many rooms as nicks");
            return;
        }
        String reason = ctx.paramCount() > 2 && !ctx.param(2).isEmpty()
                ? RegistrationCommands.truncate(ctx.param(2), limits.get().kickReasonLength())
                : ctx.session().nick();
        if (rooms.length == 1) {
            kickableRoom(ctx, rooms[0]).ifPresent(room -> {
                for (String nick : nicks) {
                    kickOne(ctx, room, nick, reason);
                }
            });
            return;
        }
        for (int i = 0; i < nicks.length; i++) {
            String nick = nicks[i];
            kickableRoom(ctx, rooms[i]).ifPresent(room -> kickOne(ctx, room, nick, reason));
        }
    }

    /** The room, if the kicker may kick there; otherwise the numeric is already in the replies. */
    private Optional<Room> kickableRoom(CommandContext ctx, String name) {
        Session kicker = ctx.session();
        Optional<Room> found = rooms.find(name);
        if (found.isEmpty()) {
            ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            return Optional.empty();
        }
        Room room = found.get();
        if (kicker.isOperator()) {
            return found;
        }
        if (!room.isMember(kicker)) {
            ctx.numeric(Numeric.ERR_NOTONCHANNEL, room.name(), "You're not on that channel");
            return Optional.empty();
        }
        if (!room.status(kicker).map(s -> s.op()).orElse(false)) {
            ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
            return Optional.empty();
        }
        return found;
    }

    private void kickOne(CommandContext ctx, Room room, String nick, String reason) {
        Optional<ChatUser> target = nicks.find(nick).filter(room::isMember);
        if (target.isEmpty()
                && nicks.find(nick).isEmpty()
                && nicks.elsewhere(nick).isPresent()
                && isMemberElsewhere(room, nick)) {
            kickElsewhere(ctx, room, nick, nicks.elsewhere(nick).get(), reason);
            return;
        }
        if (target.isEmpty()) {
            ctx.numeric(Numeric.ERR_USERNOTINCHANNEL, nick, room.name(), "They aren't on that channel");
            return;
        }
        ChatUser victim = target.get();
        String immune = Immunity.of(ctx.session(), room, victim);
        if (immune != null) {
            ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), immune);
            return;
        }
        IrcMessage message = IrcMessage.from(ctx.session().source(), "KICK", room.name(), victim.nick(), reason);
        departures.kick(room, victim, message, ctx.session());
        otherNodes.announce(room.key(), message);
        if (room.isMember(ctx.session())) {
            ctx.replies().add(message);
        } else {
            ctx.replies().notice("Kicked " + victim.nick() + " from " + room.name() + ": " + reason);
        }
        log.info("{} kicked {} from {}: {}", ctx.session(), victim.nick(), room.name(), reason);
    }

    /** Whether this node's view of the room lists {@code nick} among its members on other nodes. */
    private boolean isMemberElsewhere(Room room, String nick) {
        return rooms.remote().in(room.key()).stream()
                .anyMatch(member -> nicks.caseMapping().equal(member.nick(), nick));
    }

    /**
     * The nick is held on another cluster node and this node's view lists them in the room: that
     * node kicks its member and the KICK reaches this node's members over the room's bus, the
     * kicker's echo included. Rights were checked here.
     */
    private void kickElsewhere(CommandContext ctx, Room room, String nick, String node, String reason) {
        IrcMessage message = IrcMessage.from(ctx.session().source(), "KICK", room.name(), nick, reason);
        otherNodes.kick(node, room.name(), nick, message, ctx.session().isOperator());
        if (!room.isMember(ctx.session())) {
            ctx.replies().notice("Asked the node of " + nick + " to kick them from " + room.name() + ": " + reason);
        }
        log.info("{} kicked {} (on node {}) from {}: {}", ctx.session(), nick, node, room.name(), reason);
    }
}
