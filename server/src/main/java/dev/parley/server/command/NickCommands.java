package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.NickName;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.login.RegistrationFlow;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NICK, before registration (the nick is only asked for; {@link RegistrationFlow} claims it) and
 * after (checked against bans and the accounts that own nicks, then announced to room mates and
 * MONITOR watchers). Apart from {@link RegistrationCommands} because a nick change after
 * registration needs the whole nick machinery that PASS, USER, PING and QUIT do not.
 */
public final class NickCommands implements CommandFamily {

    private final LimitsConfig limits;
    private final Nicks nicks;
    private final NickHistory nickHistory;
    private final Bans bans;
    private final Accounts accounts;
    private final Delivery delivery;
    private final MonitorNotices monitorNotices;
    private final Clock clock;
    private final RegistrationFlow flow;
    private final MemberEvents elsewhere;

    public NickCommands(
            LimitsConfig limits,
            Nicks nicks,
            NickHistory nickHistory,
            Bans bans,
            Accounts accounts,
            Delivery delivery,
            MonitorNotices monitorNotices,
            Clock clock,
            RegistrationFlow flow,
            MemberEvents elsewhere) {
        this.elsewhere = elsewhere;
        this.limits = limits;
        this.nicks = nicks;
        this.nickHistory = nickHistory;
        this.bans = bans;
        this.accounts = accounts;
        this.delivery = delivery;
        this.monitorNotices = monitorNotices;
        this.clock = clock;
        this.flow = flow;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.anytime("NICK", 0, this::nick));
    }

    void nick(CommandContext ctx) {
        Session session = ctx.session();
        String wanted = ctx.param(0);
        if (wanted == null || wanted.isEmpty()) {
            ctx.numeric(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!NickName.isValid(wanted, limits.nickLength())) {
            ctx.numeric(Numeric.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
            return;
        }
        if (wanted.equals(session.nick())) {
            return;
        }
        if (!session.isRegistered()) {
            // Whether a registered nick may be used is decided when registration completes; until
            // then nobody holds it, so a connection that never logs in cannot keep it from its owner.
            if (accounts.names().isRegistered(wanted)) {
                awaitLogin(ctx, wanted);
            } else {
                takeNick(ctx, wanted);
            }
            return;
        }
        Optional<Ban> ban =
                bans.find(wanted + "!" + session.user() + "@" + session.host(), session.account(), session.host());
        if (ban.isPresent()) {
            ctx.numeric(
                    Numeric.ERR_ERRONEUSNICKNAME,
                    wanted,
                    "Nickname is banned: " + ban.get().reason());
            return;
        }
        if (accounts.names().isLoaded() && !accounts.names().isRegistered(wanted)) {
            takeNick(ctx, wanted); // no account has the nick: nothing to look up
            return;
        }
        DeferredReply later = ctx.defer();
        accounts.find(wanted)
                .whenComplete((owner, error) -> later.completeWith(() -> {
                    if (owner != null
                            && owner.isPresent()
                            && !ownsAccount(session, owner.get().name())) {
                        ctx.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is registered to another account");
                        return;
                    }
                    takeNick(ctx, wanted);
                }));
    }

    /** A registered nick before registration: asked for, not held; {@link RegistrationFlow} claims it for its owner. */
    private void awaitLogin(CommandContext ctx, String wanted) {
        Session session = ctx.session();
        releaseUnlessSame(session.nick(), wanted, session);
        session.setNick(wanted);
        flow.tryComplete(ctx.session(), ctx.replies());
    }

    private boolean ownsAccount(Session session, String account) {
        return session.account() != null && nicks.caseMapping().equal(session.account(), account);
    }

    private void takeNick(CommandContext ctx, String wanted) {
        Session session = ctx.session();
        ChatUser holder = session.actor(); // an account present on several devices changes nick on all
        if (!nicks.claim(wanted, holder)) {
            session.registration().setRefusedNick(wanted);
            ctx.numeric(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        String old = session.nick();
        if (!session.isRegistered()) {
            releaseUnlessSame(old, wanted, session);
            session.setNick(wanted);
            flow.tryComplete(ctx.session(), ctx.replies());
            return;
        }
        // The new nick is in force before anyone hears of it: a room mate answering the NICK at once
        // must find its message addressed to the new nick, not the old one.
        String oldSource = session.source();
        nickHistory.remember(session, clock.millis());
        session.setNick(wanted);
        releaseUnlessSame(old, wanted, holder);
        announceNickChange(ctx, oldSource, wanted, old);
        if (!nicks.caseMapping().equal(old, wanted)) {
            monitorNotices.offline(old);
            monitorNotices.online(session);
        }
    }

    private void releaseUnlessSame(String old, String wanted, ChatUser holder) {
        if (old != null && !nicks.caseMapping().equal(old, wanted)) {
            nicks.release(old, holder);
        }
    }

    private void announceNickChange(CommandContext ctx, String oldSource, String wanted, String old) {
        Set<ChatUser> witnesses = new LinkedHashSet<>();
        for (Room room : ctx.session().rooms()) {
            witnesses.addAll(room.members().keySet());
        }
        witnesses.remove(ctx.session().actor());
        witnesses.addAll(Delivery.otherDevices(ctx.session()));
        IrcMessage change = IrcMessage.from(oldSource, "NICK", wanted);
        ctx.replies().add(change);
        delivery.send(change, witnesses);
        elsewhere.changed(ctx.session().actor(), old, ctx.session().rooms(), change);
    }
}
