package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomChanges;
import dev.parley.server.chat.Rooms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Room events from other nodes, in each room's order, on the cluster thread: the remote-member
 * view follows them, TOPIC and MODE apply to this node's copy of the room, and this node's members
 * see each line as a single node would show it (a QUIT or NICK once, however many rooms they share).
 */
final class HeardEvents {

    private final MemberView view;
    /** The reason the others see when a node's users go with it. */
    static final String NODE_LOST = "Node lost";

    private final MemberRecords members;
    private final Clock clock;
    private volatile Delivery delivery;
    private volatile Rooms rooms;
    private volatile Nicks nicks;

    HeardEvents(MemberView view, MemberRecords members, Clock clock) {
        this.view = view;
        this.members = members;
        this.clock = clock;
    }

    void attach(Delivery chatDelivery, Rooms chatRooms, Nicks chatNicks) {
        this.delivery = chatDelivery;
        this.rooms = chatRooms;
        this.nicks = chatNicks;
    }

    /** A KICK from another node: whoever it names is no longer a member there. */
    void kicked(String roomKey, IrcMessage kick) {
        if (kick.params().size() > 1) {
            view.remove(roomKey, kick.params().get(1));
        }
    }

    void heard(String roomKey, RoomEvent event) {
        Room room = rooms == null ? null : rooms.find(roomKey).orElse(null);
        if (room == null) {
            return;
        }
        IrcMessage line = event.line();
        List<ChatUser> here = new ArrayList<>(room.members().keySet());
        switch (line.command()) {
            case "JOIN" -> joined(room, event, here);
            case "PART" -> {
                view.remove(roomKey, event.nick());
                delivery.send(line, here);
            }
            case "QUIT" -> {
                view.remove(roomKey, event.nick());
                delivery.send(line, once(event, room, here));
            }
            case "NICK" -> {
                view.update(roomKey, event.nick(), member -> member.withNick(line.lastParam()));
                delivery.send(line, once(event, room, here));
            }
            case "AWAY" -> {
                String away = line.params().isEmpty() ? null : line.lastParam();
                view.update(roomKey, event.nick(), member -> member.withAway(away));
                delivery.send(line, withCap(once(event, room, here), Capability.AWAY_NOTIFY));
            }
            case "ACCOUNT" -> {
                String account = line.params().isEmpty() || line.lastParam().equals("*") ? null : line.lastParam();
                view.update(roomKey, event.nick(), member -> member.withAccount(account));
                delivery.send(line, withCap(once(event, room, here), Capability.ACCOUNT_NOTIFY));
            }
            case "SETNAME" -> {
                view.update(roomKey, event.nick(), member -> member.withRealname(line.lastParam()));
                delivery.send(line, withCap(once(event, room, here), Capability.SETNAME));
            }
            case "TOPIC" -> {
                RoomChanges.topic(room, line, clock.instant().getEpochSecond());
                rooms.remember(room);
                delivery.send(line, here);
            }
            case "MODE" -> {
                if (ChannelName.looksLikeRoom(line.params().get(0))) {
                    modes(room, line);
                    delivery.send(line, here);
                } else {
                    userModes(roomKey, event.nick(), line);
                }
            }
            default -> delivery.send(line, here);
        }
    }

    private void joined(Room room, RoomEvent event, List<ChatUser> here) {
        RemoteMember member = event.member();
        boolean known = view.has(room.key(), event.nick());
        if (member != null) {
            view.put(room.key(), member);
        }
        if (known) {
            return; // a node back on Redis telling its members again: nothing new to show
        }
        IrcMessage extended = event.line();
        IrcMessage plain = new IrcMessage(extended.tags(), extended.source(), "JOIN", List.of(room.name()));
        List<ChatUser> wantExtended = withCap(here, Capability.EXTENDED_JOIN);
        List<ChatUser> plainOnes = new ArrayList<>(here);
        plainOnes.removeAll(wantExtended);
        delivery.send(extended, wantExtended);
        delivery.send(plain, plainOnes);
        if (member != null && member.away() != null) {
            IrcMessage away = IrcMessage.from(member.source(), "AWAY", member.away());
            delivery.send(
                    member.account() == null ? away : away.withTag("account", member.account()),
                    withCap(here, Capability.AWAY_NOTIFY));
        }
    }

    /** A member's own MODE (+i, -i): only who may list them changes; nobody here is shown it. */
    private void userModes(String roomKey, String nick, IrcMessage line) {
        if (line.params().size() < 2) {
            return;
        }
        boolean on = true;
        for (char mode : line.params().get(1).toCharArray()) {
            if (mode == '+' || mode == '-') {
                on = mode == '+';
            } else if (mode == 'i') {
                boolean invisible = on;
                view.update(roomKey, nick, member -> member.withInvisible(invisible));
            }
        }
    }

    /** Flags, key, limit and lists apply to the room here; +o/+v to the member, wherever it is. */
    private void modes(Room room, IrcMessage line) {
        for (RoomChanges.Privilege privilege :
                RoomChanges.modes(room, line, clock.instant().getEpochSecond())) {
            ChatUser local = nicks.find(privilege.nick()).filter(room::isMember).orElse(null);
            if (local != null) {
                if (RoomChanges.apply(room, local, privilege)) {
                    members.rewrite(room, local);
                }
            } else {
                privilegeElsewhere(room, privilege);
            }
        }
        rooms.remember(room);
    }

    /** A MODE set on this node: its +o/+v of members on other nodes change this node's view of them. */
    void privilegesElsewhere(Room room, IrcMessage line) {
        for (RoomChanges.Privilege privilege : RoomChanges.privileges(line)) {
            if (nicks.find(privilege.nick()).isEmpty()) {
                privilegeElsewhere(room, privilege);
            }
        }
    }

    private void privilegeElsewhere(Room room, RoomChanges.Privilege privilege) {
        view.update(
                room.key(),
                privilege.nick(),
                member -> member.withStatus(
                        privilege.mode() == 'o'
                                ? member.status().withOp(privilege.on())
                                : member.status().withVoice(privilege.on())));
    }

    /**
     * The members here who hear this room's copy of a QUIT, NICK or AWAY: those for whom it is the
     * first of the event's rooms they are in, so each hears one copy.
     */
    private List<ChatUser> once(RoomEvent event, Room room, List<ChatUser> here) {
        List<ChatUser> hearers = new ArrayList<>();
        for (ChatUser member : here) {
            if (firstRoomOf(event.roomKeys(), member, room.key()).equals(room.key())) {
                hearers.add(member);
            }
        }
        return hearers;
    }

    private String firstRoomOf(List<String> roomKeys, ChatUser member, String fallback) {
        for (String key : roomKeys) {
            if (rooms.find(key).map(r -> r.isMember(member)).orElse(false)) {
                return key;
            }
        }
        return fallback;
    }

    private static List<ChatUser> withCap(List<ChatUser> users, Capability cap) {
        List<ChatUser> with = new ArrayList<>();
        for (ChatUser user : users) {
            if (user.caps().has(cap)) {
                with.add(user);
            }
        }
        return with;
    }

    /** A lost node's users: they leave this node's rooms and their room mates here see them QUIT, once each. */
    void nodeLost(String node) {
        Map<RemoteMember, List<String>> gone = view.removeNode(node);
        for (Map.Entry<RemoteMember, List<String>> entry : gone.entrySet()) {
            Set<ChatUser> witnesses = new LinkedHashSet<>();
            for (String roomKey : entry.getValue()) {
                rooms.find(roomKey)
                        .ifPresent(room -> witnesses.addAll(room.members().keySet()));
            }
            RemoteMember member = entry.getKey();
            IrcMessage quit = IrcMessage.from(member.source(), "QUIT", NODE_LOST);
            delivery.send(member.account() == null ? quit : quit.withTag("account", member.account()), witnesses);
        }
        members.forgetAll(gone);
        members.forgetNode(node);
    }
}
