package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.ModeChange;
import dev.parley.server.chat.Nicks;
import java.util.List;

/**
 * User MODE: view your own modes, set or clear +i, +w and +B, drop +o. These are the session's own
 * flags, so the session package owns the rules that change them.
 */
public final class UserModes {

    private final Nicks nicks;
    private final MemberEvents elsewhere;

    /** {@code elsewhere} hears a change of +i, which the other nodes of a cluster list members by. */
    public UserModes(Nicks nicks, MemberEvents elsewhere) {
        this.nicks = nicks;
        this.elsewhere = elsewhere;
    }

    /** MODE with the user's own nick as target; {@code params} are the MODE's, target first. */
    public void apply(Session session, Replies replies, List<String> params) {
        String target = params.get(0);
        if (!nicks.caseMapping().equal(target, session.nick())) {
            if (nicks.find(target).isEmpty()) {
                replies.numeric(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            } else {
                replies.numeric(Numeric.ERR_USERSDONTMATCH, "Can't change mode for other users");
            }
            return;
        }
        if (params.size() == 1) {
            replies.numeric(Numeric.RPL_UMODEIS, current(session));
            return;
        }
        ModeChange applied = new ModeChange();
        boolean on = true;
        boolean unknown = false;
        boolean visibilityChanged = false;
        for (char mode : params.get(1).toCharArray()) {
            switch (mode) {
                case '+', '-' -> on = mode == '+';
                case 'i' -> {
                    if (session.isInvisible() != on) {
                        session.setInvisible(on);
                        applied.add(on, 'i', null);
                        visibilityChanged = true;
                    }
                }
                case 'B' -> {
                    if (session.isBot() != on) {
                        session.setBot(on);
                        applied.add(on, 'B', null);
                    }
                }
                case 'w' -> {
                    if (session.receivesWallops() != on) {
                        session.setReceivesWallops(on);
                        applied.add(on, 'w', null);
                    }
                }
                case 'o' -> {
                    if (!on && session.isOperator()) {
                        session.setOperatorName(null);
                        applied.add(false, 'o', null);
                    }
                }
                default -> unknown = true;
            }
        }
        if (unknown) {
            replies.numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        }
        if (!applied.isEmpty()) {
            var line = new java.util.ArrayList<String>();
            line.add(session.nick());
            line.addAll(applied.asParams());
            IrcMessage change = new IrcMessage(java.util.Map.of(), session.nick(), "MODE", line);
            replies.add(change);
            if (visibilityChanged) {
                elsewhere.changed(session.actor(), session.nick(), session.rooms(), change);
            }
        }
    }

    private static String current(Session session) {
        return "+" + (session.isInvisible() ? "i" : "") + (session.isOperator() ? "o" : "")
                + (session.receivesWallops() ? "w" : "") + (session.isBot() ? "B" : "");
    }
}
