package dev.parley.client.core;

import static dev.parley.client.core.MessageInterpreter.nickOf;

import dev.parley.client.core.MessageInterpreter.Step;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.CaseMapping;
import java.util.ArrayList;
import java.util.List;

/** Who is where: JOIN, PART, KICK, QUIT, NICK and TOPIC as state changes and events. */
final class MembershipChanges {

    private MembershipChanges() {}

    static void join(Step step, IrcMessage m) {
        String nick = nickOf(m);
        String room = m.param(0);
        boolean self = step.state.isMe(nick);
        if (self) {
            step.state = step.state.withRoom(RoomState.joined(room)).withCurrentRoom(room);
        } else {
            step.state
                    .room(room)
                    .ifPresent(r -> step.state = step.state.withRoom(r.withMembers(plus(r.members(), nick))));
        }
        step.tell(new ClientEvent.Joined(room, nick, self));
    }

    static void part(Step step, IrcMessage m) {
        String nick = nickOf(m);
        String room = m.param(0);
        boolean self = step.state.isMe(nick);
        leave(step, room, nick, self);
        step.tell(new ClientEvent.Parted(room, nick, m.hasParam(1) ? m.param(1) : null, self));
    }

    static void kick(Step step, IrcMessage m) {
        String room = m.param(0);
        String victim = m.param(1);
        boolean self = step.state.isMe(victim);
        leave(step, room, victim, self);
        step.tell(new ClientEvent.Kicked(room, victim, nickOf(m), m.hasParam(2) ? m.param(2) : null, self));
    }

    static void quit(Step step, IrcMessage m) {
        String nick = nickOf(m);
        List<String> rooms = roomsOf(step.state, nick);
        for (RoomState room : step.state.rooms().values()) {
            step.state = step.state.withRoom(room.withMembers(minus(step.state.caseMapping(), room.members(), nick)));
        }
        step.tell(new ClientEvent.Quit(nick, m.lastParam(), rooms));
    }

    /** The rooms of ours {@code nick} is in, in join order. */
    private static List<String> roomsOf(ClientState state, String nick) {
        CaseMapping mapping = state.caseMapping();
        return state.rooms().values().stream()
                .filter(r -> r.members().stream().anyMatch(n -> mapping.equal(n, nick)))
                .map(RoomState::name)
                .toList();
    }

    static void nick(Step step, IrcMessage m) {
        String old = nickOf(m);
        String renamed = m.param(0);
        boolean self = step.state.isMe(old);
        List<String> rooms = roomsOf(step.state, old);
        CaseMapping mapping = step.state.caseMapping();
        for (RoomState room : step.state.rooms().values()) {
            if (room.members().stream().anyMatch(n -> mapping.equal(n, old))) {
                step.state = step.state.withRoom(room.withMembers(plus(minus(mapping, room.members(), old), renamed)));
            }
        }
        if (self) {
            step.state = step.state.withNick(renamed);
        }
        step.tell(new ClientEvent.NickChanged(old, renamed, self, rooms));
    }

    static void topic(Step step, IrcMessage m) {
        String room = m.param(0);
        String topic = m.hasParam(1) ? m.param(1) : "";
        step.state.room(room).ifPresent(r -> step.state = step.state.withRoom(r.withTopic(topic)));
        step.tell(new ClientEvent.TopicChanged(room, topic, nickOf(m)));
    }

    private static void leave(Step step, String room, String nick, boolean self) {
        if (self) {
            step.state = step.state.withoutRoom(room);
        } else {
            step.state
                    .room(room)
                    .ifPresent(r -> step.state =
                            step.state.withRoom(r.withMembers(minus(step.state.caseMapping(), r.members(), nick))));
        }
    }

    static List<String> plus(List<String> members, String nick) {
        List<String> next = new ArrayList<>(members);
        next.add(nick);
        next.sort(String.CASE_INSENSITIVE_ORDER);
        return next;
    }

    static List<String> minus(CaseMapping mapping, List<String> members, String nick) {
        return members.stream().filter(n -> !mapping.equal(n, nick)).toList();
    }
}
