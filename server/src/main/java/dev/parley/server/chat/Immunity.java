package dev.parley.server.chat;

/**
 * Who a room operator may not KICK or deop: server operators (the admin moderates every room, so no
 * room operator can throw them out) and the room's founder (only the founder or a server operator
 * may). Anyone may deop or part themselves.
 */
public final class Immunity {

    private Immunity() {}

    /** Why {@code actor} may not act against {@code target} in {@code room}, or null when they may. */
    public static String of(ChatUser actor, Room room, ChatUser target) {
        if (actor == target || actor.isOperator()) {
            return null;
        }
        if (target.isOperator()) {
            return "Cannot do that to an IRC operator";
        }
        if (room.isFounder(target) && !room.isFounder(actor)) {
            return "Cannot do that to the channel founder";
        }
        return null;
    }
}
