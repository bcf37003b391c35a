package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChangeWitnesses;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.Session;
import java.util.List;
import java.util.function.Supplier;

/** What a user says about themselves: AWAY and SETNAME, announced to room mates that asked for it. */
public final class ProfileCommands implements CommandFamily {

    /** The limits in force, read at each command (a reload changes them). */
    private final Supplier<LimitsConfig> limits;

    private final Monitors monitors;
    private final Delivery delivery;
    private final MemberEvents elsewhere;

    public ProfileCommands(
            Supplier<LimitsConfig> limits, Monitors monitors, Delivery delivery, MemberEvents elsewhere) {
        this.elsewhere = elsewhere;
        this.limits = limits;
        this.monitors = monitors;
        this.delivery = delivery;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("AWAY", 0, this::away), CommandSpec.registered("SETNAME", 1, this::setname));
    }

    void away(CommandContext ctx) {
        Session session = ctx.session();
        String text = ctx.paramCount() > 0 ? ctx.param(0) : "";
        if (text.isEmpty()) {
            session.setAwayMessage(null);
            ctx.numeric(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            session.setAwayMessage(
                    RegistrationCommands.truncate(text, limits.get().awayLength()));
            ctx.numeric(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        }
        IrcMessage notice = session.awayMessage() == null
                ? UserEvent.from(session, "AWAY")
                : UserEvent.from(session, "AWAY", session.awayMessage());
        delivery.send(notice, ChangeWitnesses.of(monitors, session, session.rooms(), Capability.AWAY_NOTIFY));
        elsewhere.changed(session.actor(), session.nick(), session.rooms(), notice);
    }

    void setname(CommandContext ctx) {
        Session session = ctx.session();
        String name = ctx.param(0);
        if (name.length() > limits.get().realnameLength()) {
            ctx.replies().fail("SETNAME", "INVALID_REALNAME", "Realname is too long");
            return;
        }
        session.setRealname(name);
        IrcMessage change = UserEvent.from(session, "SETNAME", name);
        delivery.send(change, ChangeWitnesses.of(monitors, session, session.rooms(), Capability.SETNAME));
        elsewhere.changed(session.actor(), session.nick(), session.rooms(), change);
        if (session.caps().has(Capability.SETNAME)) {
            ctx.replies().add(change);
        }
    }
}
