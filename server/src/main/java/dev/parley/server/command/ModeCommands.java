package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.ExtBan;
import dev.parley.server.chat.Immunity;
import dev.parley.server.chat.ListEntry;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.ModeChange;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomListMode;
import dev.parley.server.chat.Rooms;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.Session;
import dev.parley.server.session.UserModes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** MODE for rooms (+o +v +b +e +I +k +l +i +m +n +s +t) and for users (+i, -o). */
public final class ModeCommands implements CommandFamily {

    private static final int MAX_PARAM_MODES = 4;

    /** The limits in force, read at each command (a reload changes them). */
    private final Supplier<LimitsConfig> limits;

    private final Rooms rooms;
    private final Nicks nicks;
    private final Delivery delivery;
    private final Clock clock;
    private final UserModes userModes;

    public ModeCommands(Supplier<LimitsConfig> limits, Rooms rooms, Nicks nicks, Delivery delivery, Clock clock) {
        this.limits = limits;
        this.rooms = rooms;
        this.nicks = nicks;
        this.delivery = delivery;
        this.clock = clock;
        this.userModes = new UserModes(nicks, rooms.events());
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("MODE", 1, this::mode));
    }

    void mode(CommandContext ctx) {
        if (ChannelName.looksLikeRoom(ctx.param(0))) {
            Optional<Room> room = rooms.find(ctx.param(0));
            if (room.isEmpty()) {
                ctx.numeric(Numeric.ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
            } else if (ctx.paramCount() == 1) {
                showRoomModes(ctx, room.get());
            } else {
                changeRoomModes(ctx, room.get());
            }
        } else {
            userModes.apply(ctx.session(), ctx.replies(), ctx.message().params());
        }
    }

    private void showRoomModes(CommandContext ctx, Room room) {
        List<String> params = new ArrayList<>();
        params.add(room.name());
        for (String part : room.modes().render(room.isMember(ctx.session())).split(" ")) {
            params.add(part);
        }
        ctx.numeric(Numeric.RPL_CHANNELMODEIS, params.toArray(String[]::new));
        ctx.numeric(Numeric.RPL_CREATIONTIME, room.name(), Long.toString(room.createdAtSeconds()));
    }

    private void changeRoomModes(CommandContext ctx, Room room) {
        Session session = ctx.session();
        String modeString = ctx.param(1);
        RoomListMode listQuery = listQuery(ctx, modeString);
        if (listQuery != null) {
            showList(ctx, room, listQuery);
            return;
        }
        boolean allowed = session.isOperator()
                || room.status(session).map(MemberStatus::op).orElse(false);
        if (!allowed) {
            ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
            return;
        }
        ModeChange applied = new ModeChange();
        RoomModeParser parser = new RoomModeParser(ctx, room, applied);
        parser.apply(modeString, ctx.message().params().subList(2, ctx.paramCount()), MAX_PARAM_MODES);
        if (!applied.isEmpty()) {
            List<String> params = new ArrayList<>();
            params.add(room.name());
            params.addAll(applied.asParams());
            IrcMessage change = new IrcMessage(java.util.Map.of(), session.source(), "MODE", params);
            delivery.toRoom(change, room, session);
            ctx.replies().add(change);
            rooms.events().roomChanged(room, change);
            rooms.remember(room);
        }
    }

    /** {@code MODE #room b} (or {@code +b}, {@code e}, {@code I}): a question, not a change. */
    private static RoomListMode listQuery(CommandContext ctx, String modeString) {
        String letters = modeString.startsWith("+") ? modeString.substring(1) : modeString;
        return ctx.paramCount() == 2 && letters.length() == 1 ? RoomListMode.forLetter(letters.charAt(0)) : null;
    }

    private static void showList(CommandContext ctx, Room room, RoomListMode list) {
        for (ListEntry entry : list.of(room).entries()) {
            ctx.numeric(list.entry(), room.name(), entry.mask(), entry.setBy(), Long.toString(entry.setAtSeconds()));
        }
        ctx.numeric(list.end(), room.name(), list.endText());
    }

    /** Walks one room mode string, applying what it may and answering the rest with numerics. */
    private final class RoomModeParser {
        private final CommandContext ctx;
        private final Room room;
        private final ModeChange applied;

        RoomModeParser(CommandContext ctx, Room room, ModeChange applied) {
            this.ctx = ctx;
            this.room = room;
            this.applied = applied;
        }

        void apply(String modes, List<String> args, int maxParamModes) {
            boolean on = true;
            int next = 0;
            int paramModes = 0;
            for (char mode : modes.toCharArray()) {
                if (mode == '+' || mode == '-') {
                    on = mode == '+';
                    continue;
                }
                RoomListMode list = RoomListMode.forLetter(mode);
                boolean needsArg = mode == 'o' || mode == 'v' || list != null || (on && (mode == 'k' || mode == 'l'));
                String arg = null;
                if (needsArg) {
                    if (next >= args.size() || paramModes >= maxParamModes) {
                        if (list != null && next >= args.size()) {
                            showList(ctx, room, list);
                        }
                        continue;
                    }
                    arg = args.get(next++);
                    paramModes++;
                } else if (!on && mode == 'k' && next < args.size()) {
                    next++;
                }
                applyOne(on, mode, arg);
            }
        }

        private void applyOne(boolean on, char mode, String arg) {
            switch (mode) {
                case 'i', 'm', 'n', 's', 't' -> flag(on, mode);
                case 'k' -> key(on, arg);
                case 'l' -> limit(on, arg);
                case 'o', 'v' -> privilege(on, mode, arg);
                case 'b', 'e', 'I' -> listEntry(on, RoomListMode.forLetter(mode), arg);
                default -> ctx.numeric(Numeric.ERR_UNKNOWNMODE, String.valueOf(mode), "is unknown mode char to me");
            }
        }

        private void flag(boolean on, char mode) {
            var current = room.modes();
            var updated = current.withFlag(mode, on);
            if (!updated.equals(current)) {
                room.setModes(updated);
                applied.add(on, mode, null);
            }
        }

        private void key(boolean on, String arg) {
            if (on) {
                if (IrcSerializer.needsTrailing(arg) || arg.contains(",")) {
                    ctx.numeric(Numeric.ERR_INVALIDMODEPARAM, room.name(), "k", arg, "Invalid key");
                    return;
                }
                room.setModes(room.modes().withKey(arg));
                applied.add(true, 'k', arg);
            } else if (room.modes().key() != null) {
                room.setModes(room.modes().withKey(null));
                applied.add(false, 'k', "*");
            }
        }

        private void limit(boolean on, String arg) {
            if (!on) {
                if (room.modes().limit() > 0) {
                    room.setModes(room.modes().withLimit(0));
                    applied.add(false, 'l', null);
                }
                return;
            }
            int value;
            try {
                value = Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                value = 0;
            }
            if (value <= 0) {
                ctx.numeric(Numeric.ERR_INVALIDMODEPARAM, room.name(), "l", arg, "Invalid limit");
                return;
            }
            room.setModes(room.modes().withLimit(value));
            applied.add(true, 'l', Integer.toString(value));
        }

        private void privilege(boolean on, char mode, String nick) {
            Optional<ChatUser> target = nicks.find(nick);
            Optional<RemoteMember> elsewhere = target.isEmpty()
                    ? rooms.remote().in(room.key()).stream()
                            .filter(m -> nicks.caseMapping().equal(m.nick(), nick))
                            .findFirst()
                    : Optional.empty();
            if (elsewhere.isPresent()) {
                privilegeElsewhere(on, mode, elsewhere.get());
                return;
            }
            if (target.isEmpty()) {
                ctx.numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                return;
            }
            Optional<MemberStatus> status = room.status(target.get());
            if (status.isEmpty()) {
                ctx.numeric(
                        Numeric.ERR_USERNOTINCHANNEL, target.get().nick(), room.name(), "They aren't on that channel");
                return;
            }
            String immune = on ? null : Immunity.of(ctx.session(), room, target.get());
            if (immune != null) {
                ctx.numeric(Numeric.ERR_CHANOPRIVSNEEDED, room.name(), immune);
                return;
            }
            MemberStatus updated =
                    mode == 'o' ? status.get().withOp(on) : status.get().withVoice(on);
            if (!updated.equals(status.get()) && room.setStatus(target.get(), updated)) {
                applied.add(on, mode, target.get().nick());
            }
            if (mode == 'o' && target.get().account() != null) {
                room.setOperatorAccount(target.get().account(), on);
            }
        }

        /**
         * A member on another cluster node: the change goes into the MODE line, which that node
         * applies to its member (and every node to its view of them) when it crosses the bus.
         */
        private void privilegeElsewhere(boolean on, char mode, RemoteMember member) {
            MemberStatus status = member.status();
            MemberStatus updated = mode == 'o' ? status.withOp(on) : status.withVoice(on);
            if (!updated.equals(status)) {
                applied.add(on, mode, member.nick());
            }
        }

        private void listEntry(boolean on, RoomListMode list, String typed) {
            String mask = ExtBan.normalize(typed);
            if (mask == null) {
                ctx.numeric(
                        Numeric.ERR_INVALIDMODEPARAM,
                        room.name(),
                        String.valueOf(list.letter()),
                        typed,
                        "Unknown extended ban type: a:<account> and m:<mask> are known");
                return;
            }
            if (on) {
                ListEntry entry = new ListEntry(
                        mask, ctx.session().nick(), clock.instant().getEpochSecond());
                if (list.of(room).add(entry, limits.get().maxListEntries())) {
                    applied.add(true, list.letter(), mask);
                }
            } else if (list.of(room).remove(mask)) {
                applied.add(false, list.letter(), mask);
            }
        }
    }
}
