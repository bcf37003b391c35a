package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomElsewhere;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.Topic;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.JoinReplies;
import dev.parley.server.session.NamesReply;
import dev.parley.server.session.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What a room says about itself and who may come in: TOPIC, NAMES, LIST, INVITE. */
public final class RoomInfoCommands implements CommandFamily {

    /** The limits in force, read at each command (a reload changes them). */
    private final Supplier<LimitsConfig> limits;

    private final Rooms rooms;
    private final Nicks nicks;
    private final Delivery delivery;
    private final Clock clock;
    private final OtherNodes otherNodes;

    public RoomInfoCommands(
            Supplier<LimitsConfig> limits,
            Rooms rooms,
            Nicks nicks,
            Delivery delivery,
            Clock clock,
            OtherNodes otherNodes) {
        this.limits = limits;
        this.rooms = rooms;
        this.nicks = nicks;
        this.delivery = delivery;
        this.clock = clock;
        this.otherNodes = otherNodes;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("TOPIC", 1, this::topic),
                CommandSpec.registered("NAMES", 0, this::names),
                CommandSpec.registered("LIST", 0, this::list),
                CommandSpec.registered("INVITE", 0, this::invite));
    }

    static void topicReplies(CommandContext ctx, Room room, Topic topic) {
        JoinReplies.topic(ctx.replies(), room, topic);
    }

    void topic(CommandContext ctx) {
        Session session = ctx.session();
        Optional<Room> found = rooms.find(ctx.param(0));
        if (found.isEmpty()) {
            ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
            return;
        }
        Room room = found.get();
        boolean member = room.isMember(session);
        if (ctx.paramCount() < 2) {
            if (!member && room.modes().secret()) {
                ctx.numeric(Numeric.ERR_NOTONCHANNEL, room.name(), "You're not on that channel");
            } else if (room.topic() == null) {
                ctx.numeric(Numeric.RPL_NOTOPIC, room.name(), "No topic is set");
            } else {
                topicReplies(ctx, room, room.topic());
            }
            return;
        }
        if (!member && !session.isOperator()) {
            ctx.numeric(Numeric.ERR_NOTONCHANNEL, room.name(), "You're not on that channel");
            return;
        }
        boolean op = room.status(session).map(MemberStatus::op).orElse(false);
        if (room.modes().topicLocked() && !op && !session.isOperator()) {
            ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
            return;
        }
        String text = RegistrationCommands.truncate(ctx.param(1), limits.get().topicLength());
        room.setTopic(
                text.isEmpty()
                        ? null
                        : new Topic(text, session.source(), clock.instant().getEpochSecond()));
        IrcMessage change = delivery.topicChange(session, room, text);
        ctx.replies().add(change);
        rooms.events().roomChanged(room, change);
        rooms.remember(room);
    }

    void names(CommandContext ctx) {
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            NamesReply.end(ctx.replies(), "*");
            return;
        }
        List<String> names = List.of(ctx.param(0).split(",")).stream()
                .filter(n -> !n.isEmpty())
                .toList();
        if (names.isEmpty()) {
            NamesReply.end(ctx.replies(), ctx.param(0));
            return;
        }
        if (names.size() > 1 || rooms.find(names.get(0)).isPresent()) {
            for (String name : names) {
                Optional<Room> room = rooms.find(name).filter(r -> !r.modes().secret() || r.isMember(ctx.session()));
                if (room.isPresent()) {
                    NamesReply.send(
                            ctx.replies(),
                            ctx.session(),
                            room.get(),
                            rooms.remote().in(room.get().key()));
                } else {
                    NamesReply.end(ctx.replies(), name);
                }
            }
            return;
        }
        String name = names.get(0); // not open here: it may live on other cluster nodes
        if (!ChannelName.looksLikeRoom(name)) {
            NamesReply.end(ctx.replies(), name); // no room by that name anywhere: Redis is not asked
            return;
        }
        CompletableFuture<Optional<RoomElsewhere>> elsewhere = rooms.elsewhere(name);
        if (elsewhere.isDone()) {
            namesElsewhere(ctx, name, elsewhere);
            return;
        }
        DeferredReply later = ctx.defer();
        elsewhere.whenComplete((found, failure) -> later.completeWith(() -> namesElsewhere(ctx, name, elsewhere)));
    }

    /** NAMES of a room not open here: its members on other cluster nodes, or none. */
    private static void namesElsewhere(
            CommandContext ctx, String name, CompletableFuture<Optional<RoomElsewhere>> elsewhere) {
        Optional<RoomElsewhere> found = elsewhere.isCompletedExceptionally() ? Optional.empty() : elsewhere.join();
        if (found.isPresent()) {
            NamesReply.sendElsewhere(ctx.replies(), ctx.session(), found.get());
        } else {
            NamesReply.end(ctx.replies(), name);
        }
    }

    /**
     * LIST, of all rooms or of the names given: this node's rooms, and on a cluster the rooms that
     * live only on other nodes (asked of Redis; the reply waits for it). Secret rooms show to their
     * members only.
     */
    void list(CommandContext ctx) {
        List<String> names = ctx.paramCount() > 0 && !ctx.param(0).isEmpty()
                ? List.of(ctx.param(0).split(","))
                : null;
        CompletableFuture<List<RoomElsewhere>> elsewhere = rooms.onlyElsewhere(names);
        if (elsewhere.isDone()) {
            listReplies(ctx, names, elsewhere);
            return;
        }
        DeferredReply later = ctx.defer();
        elsewhere.whenComplete((found, failure) -> later.completeWith(() -> listReplies(ctx, names, elsewhere)));
    }

    private void listReplies(CommandContext ctx, List<String> names, CompletableFuture<List<RoomElsewhere>> elsewhere) {
        Session session = ctx.session();
        ctx.numeric(Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        List<Room> listed = new ArrayList<>();
        if (names != null) {
            names.forEach(name -> rooms.find(name).ifPresent(listed::add));
        } else {
            listed.addAll(rooms.all());
        }
        for (Room room : listed) {
            if (room.modes().secret() && !room.isMember(session)) {
                continue;
            }
            listReply(
                    ctx,
                    room.name(),
                    room.members().size() + rooms.remote().in(room.key()).size(),
                    room.topic());
        }
        if (!elsewhere.isCompletedExceptionally()) {
            for (RoomElsewhere room : elsewhere.join()) {
                if (!room.state().modes().secret()) {
                    listReply(
                            ctx,
                            room.name(),
                            room.state().membersElsewhere(),
                            room.state().topic());
                }
            }
        }
        ctx.numeric(Numeric.RPL_LISTEND, "End of /LIST");
    }

    private static void listReply(CommandContext ctx, String name, int members, Topic topic) {
        ctx.numeric(Numeric.RPL_LIST, name, Integer.toString(members), topic == null ? "" : topic.text());
    }

    /** {@code INVITE} alone: the rooms the client is invited to and has not joined yet. */
    private void pendingInvitations(CommandContext ctx) {
        String nick = ctx.session().nick();
        for (Room room : rooms.all()) {
            if (room.isInvited(nick)) {
                ctx.numeric(Numeric.RPL_INVITELIST, room.name());
            }
        }
        ctx.numeric(Numeric.RPL_ENDOFINVITELIST, "End of /INVITE list");
    }

    void invite(CommandContext ctx) {
        if (ctx.paramCount() == 0) {
            pendingInvitations(ctx);
            return;
        }
        if (ctx.paramCount() < 2) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "INVITE", "Not enough parameters");
            return;
        }
        Session inviter = ctx.session();
        String nick = ctx.param(0);
        Optional<ChatUser> local = nicks.find(nick);
        Optional<String> node = local.isEmpty() ? nicks.elsewhere(nick) : Optional.empty();
        if (local.isEmpty() && node.isEmpty()) {
            ctx.numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        Optional<Room> found = rooms.find(ctx.param(1));
        if (found.isEmpty()) {
            ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, ctx.param(1), "No such channel");
            return;
        }
        Room room = found.get();
        if (!room.isMember(inviter)) {
            ctx.numeric(Numeric.ERR_NOTONCHANNEL, room.name(), "You're not on that channel");
            return;
        }
        boolean op = room.status(inviter).map(MemberStatus::op).orElse(false);
        if (room.modes().inviteOnly() && !op && !inviter.isOperator()) {
            ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
            return;
        }
        String invitee = local.map(ChatUser::nick).orElse(nick);
        if (local.map(room::isMember).orElseGet(() -> isMemberElsewhere(room, nick))) {
            ctx.numeric(Numeric.ERR_USERONCHANNEL, invitee, room.name(), "is already on channel");
            return;
        }
        room.invite(invitee, limits.get().maxListEntries());
        ctx.numeric(Numeric.RPL_INVITING, invitee, room.name());
        IrcMessage invite = UserEvent.from(inviter, "INVITE", invitee, room.name());
        if (local.isPresent()) {
            delivery.toUser(local.get(), invite);
        } else {
            rooms.events().invited(room);
            otherNodes.invite(node.get(), room.name(), invitee, invite);
        }
        notifyOperators(room, inviter, invite);
    }

    private boolean isMemberElsewhere(Room room, String nick) {
        return rooms.remote().in(room.key()).stream()
                .anyMatch(member -> nicks.caseMapping().equal(member.nick(), nick));
    }

    private void notifyOperators(Room room, Session inviter, IrcMessage invite) {
        List<ChatUser> watchers = new ArrayList<>();
        room.members().forEach((user, status) -> {
            if (status.op() && user != inviter && user.caps().has(Capability.INVITE_NOTIFY)) {
                watchers.add(user);
            }
        });
        delivery.send(invite, watchers);
    }
}
