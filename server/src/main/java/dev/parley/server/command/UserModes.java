package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.session.Session;

/** User MODE: view your own modes, set or clear +i, +w and +B, drop +o. */
final class UserModes {

    private final Services services;

    UserModes(Services services) {
        this.services = services;
    }

    void apply(CommandContext ctx) {
        Session session = ctx.session();
        String target = ctx.param(0);
        if (!services.nicks().caseMapping().equal(target, session.nick())) {
            if (services.nicks().find(target).isEmpty()) {
                ctx.numeric(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            } else {
                ctx.numeric(Numeric.ERR_USERSDONTMATCH, "Can't change mode for other users");
            }
            return;
        }
        if (ctx.paramCount() == 1) {
            ctx.numeric(Numeric.RPL_UMODEIS, current(session));
            return;
        }
        ModeChange applied = new ModeChange();
        boolean on = true;
        boolean unknown = false;
        for (char mode : ctx.param(1).toCharArray()) {
            switch (mode) {
                case '+', '-' -> on = mode == '+';
                case 'i' -> {
                    if (session.isInvisible() != on) {
                        session.setInvisible(on);
                        applied.add(on, 'i', null);
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
            ctx.numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        }
        if (!applied.isEmpty()) {
            var params = new java.util.ArrayList<String>();
            params.add(session.nick());
            params.addAll(applied.asParams());
            ctx.replies().add(new IrcMessage(java.util.Map.of(), session.nick(), "MODE", params));
        }
    }

    private static String current(Session session) {
        return "+" + (session.isInvisible() ? "i" : "") + (session.isOperator() ? "o" : "")
                + (session.receivesWallops() ? "w" : "") + (session.isBot() ? "B" : "");
    }
}
