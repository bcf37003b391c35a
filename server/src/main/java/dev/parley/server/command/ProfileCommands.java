package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.session.Session;
import java.util.List;

/** What a user says about themselves: AWAY and SETNAME, announced to room mates that asked for it. */
public final class ProfileCommands implements CommandFamily {

    private final Services services;

    public ProfileCommands(Services services) {
        this.services = services;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("AWAY", 0, this::away),
                CommandSpec.registered("SETNAME", 1, this::setname));
    }

    void away(CommandContext ctx) {
        Session session = ctx.session();
        String text = ctx.paramCount() > 0 ? ctx.param(0) : "";
        if (text.isEmpty()) {
            session.setAwayMessage(null);
            ctx.numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            session.setAwayMessage(RegistrationCommands.truncate(text, services.config().limits().awayLength()));
            ctx.numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        }
        IrcMessage notice = session.awayMessage() == null
                ? UserEvent.from(session, "AWAY")
                : UserEvent.from(session, "AWAY", session.awayMessage());
        services.delivery().send(notice, ChangeWitnesses.of(services, session, Capability.AWAY_NOTIFY));
    }

    void setname(CommandContext ctx) {
        Session session = ctx.session();
        String name = ctx.param(0);
        if (name.length() > services.config().limits().realnameLength()) {
            ctx.replies().fail("SETNAME", "INVALID_REALNAME", "Realname is too long");
            return;
        }
        session.setRealname(name);
        IrcMessage change = UserEvent.from(session, "SETNAME", name);
        services.delivery().send(change, ChangeWitnesses.of(services, session, Capability.SETNAME));
        if (session.caps().has(Capability.SETNAME)) {
            ctx.replies().add(change);
        }
    }

}
