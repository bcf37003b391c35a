package dev.parley.server.login;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.auth.Admission;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.info.ServerReplies;
import dev.parley.server.session.AccountPresence;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Departures;
import dev.parley.server.session.FloodBudget;
import dev.parley.server.session.JoinMarkers;
import dev.parley.server.session.Registration;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import dev.parley.server.store.Account;
import dev.parley.server.store.Ban;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes registration once NICK and USER are in and CAP negotiation is over: checks the
 * password and the nick's account (off the event loop: database and bcrypt), the server bans, then
 * sends the welcome.
 */
public final class RegistrationFlow {

    private static final Logger log = LoggerFactory.getLogger(RegistrationFlow.class);

    private final LoginCheck login;
    private final Bans bans;
    private final Nicks nicks;
    private final UserCounts counts;
    /** The flood limits in force (a reload changes them for every connection). */
    private final Supplier<FloodConfig> flood;

    private final Clock clock;
    private final ServerReplies serverReplies;
    private final MonitorNotices monitorNotices;
    private final Departures departures;
    private final PresenceArrival arrival;

    private final MemberEvents elsewhere;

    public RegistrationFlow(
            LoginCheck login,
            Bans bans,
            Nicks nicks,
            UserCounts counts,
            Supplier<FloodConfig> flood,
            Clock clock,
            ServerReplies serverReplies,
            MonitorNotices monitorNotices,
            Departures departures,
            PresenceArrival arrival,
            MemberEvents elsewhere) {
        this.elsewhere = elsewhere;
        this.arrival = arrival;
        this.login = login;
        this.bans = bans;
        this.nicks = nicks;
        this.counts = counts;
        this.flood = flood;
        this.clock = clock;
        this.serverReplies = serverReplies;
        this.monitorNotices = monitorNotices;
        this.departures = departures;
    }

    /** Registers the client if it said all it must; otherwise does nothing. */
    public void tryComplete(Session session, Replies replies) {
        Registration reg = session.registration();
        if (session.isRegistered()
                || session.nick() == null
                || !reg.userGiven()
                || reg.capNegotiating()
                || reg.checking()
                || session.sasl().inProgress()) {
            return;
        }
        String password = reg.password();
        String nick = session.nick();
        Account saslAccount = reg.saslAccount();
        String ip = session.connection().remoteIp();
        reg.forgetPassword();
        Optional<Admission> atOnce = login.admitAtOnce(nick, password, saslAccount, ip);
        if (atOnce.isPresent()) {
            finish(session, replies, atOnce.get(), password);
            return;
        }
        reg.setChecking(true);
        DeferredReply later = replies.defer();
        login.admitLater(nick, password, saslAccount, ip)
                .whenComplete((admission, error) -> later.completeWith(() -> {
                    reg.setChecking(false);
                    if (error != null) {
                        log.error("{}: the login check failed", session, error);
                    }
                    Admission outcome = error == null ? admission : new Admission.WrongPassword("Login check failed");
                    finish(session, replies, outcome, password);
                }));
    }

    /**
     * After a registered nick the client may pick another one, so the password it sent is kept for
     * that second check; every other outcome drops it.
     */
    private void finish(Session session, Replies replies, Admission admission, String password) {
        if (admission instanceof Admission.WrongPassword wrong) {
            refusePassword(session, replies, wrong.reason());
        } else if (admission instanceof Admission.NickRegistered) {
            refuseRegisteredNick(session, replies);
        } else if (admission instanceof Admission.Admitted admitted) {
            admitUnlessBanned(session, replies, admitted);
        }
        boolean nickRefused = admission instanceof Admission.NickRegistered
                || admission instanceof Admission.Admitted && !session.isRegistered();
        boolean mayRetryNick = nickRefused && !session.isClosing();
        session.registration().setPassword(mayRetryNick ? password : null);
    }

    private void refusePassword(Session session, Replies replies, String reason) {
        log.info("{} refused: {}", session, reason);
        replies.numeric(Numeric.ERR_PASSWDMISMATCH, reason);
        replies.flush();
        departures.disconnect(session, "Bad password");
    }

    private void refuseRegisteredNick(Session session, Replies replies) {
        String reserved = session.nick();
        nicks.release(reserved, session);
        session.setNick(null);
        replies.numeric(
                Numeric.ERR_NICKNAMEINUSE,
                reserved,
                "Nickname is registered: log in with SASL, or give its password with PASS");
    }

    private void admitUnlessBanned(Session session, Replies replies, Admission.Admitted admitted) {
        String account = admitted.account().map(Account::name).orElse(null);
        if (expelIfBanned(session, replies, account)) {
            return;
        }
        Optional<AccountPresence> present = arrival.joinable(session, account);
        if (present.isPresent()) {
            joinPresence(session, replies, admitted, present.get());
        } else if (holdNick(session, replies, admitted)) {
            admit(session, replies, admitted, true);
            arrival.open(session);
        }
    }

    /**
     * Another device of a present account (or the first back to an always-on one): its read
     * markers are looked up first, so that nothing from its rooms reaches it before their JOINs.
     */
    private void joinPresence(Session session, Replies replies, Admission.Admitted admitted, AccountPresence presence) {
        String account = presence.account();
        CompletableFuture<JoinMarkers> markers = arrival.markers(session, account, presence);
        if (markers.isDone()) {
            arrive(session, replies, admitted, presence, markers.join());
            return;
        }
        DeferredReply later = replies.defer();
        markers.thenAccept(found -> later.completeWith(() -> arrive(session, replies, admitted, presence, found)));
    }

    private void arrive(
            Session session,
            Replies replies,
            Admission.Admitted admitted,
            AccountPresence presence,
            JoinMarkers markers) {
        session.registration().setPassword(null);
        String account = presence.account();
        if (arrival.joinable(session, account).filter(p -> p == presence).isEmpty()) {
            if (holdNick(session, replies, admitted)) { // the presence ended meanwhile
                admit(session, replies, admitted, true);
                arrival.open(session);
            }
            return;
        }
        arrival.attach(session, presence);
        admit(session, replies, admitted, false);
        arrival.rejoin(session, replies, markers);
    }

    /**
     * Whether a server ban matches the session's nick, address or the given account (the one it is
     * logging in to); if so, tells it 465 and disconnects it. Used at registration and when a
     * registered guest logs in with SASL, so a banned account is refused under any nick.
     */
    public boolean expelIfBanned(Session session, Replies replies, String account) {
        Optional<Ban> ban = bans.find(session.source(), account, session.host());
        if (ban.isEmpty()) {
            return false;
        }
        log.info("{} refused: banned by {}", session, ban.get().mask());
        replies.numeric(
                Numeric.ERR_YOUREBANNEDCREEP,
                "You are banned from this server: " + ban.get().reason());
        replies.flush();
        departures.disconnect(session, "Banned: " + ban.get().reason());
        return true;
    }

    /**
     * Claims the nick at the last moment. Its account's owner takes it from a connection that is
     * still registering (renamed: it gets 433 and must pick another); a registered holder keeps it,
     * and this connection gets 433 and may pick another.
     */
    private boolean holdNick(Session session, Replies replies, Admission.Admitted admitted) {
        String nick = session.nick();
        if (nicks.claim(nick, session)) {
            return true;
        }
        boolean owner = admitted.account()
                .map(a -> nicks.caseMapping().equal(a.name(), nick))
                .orElse(false);
        Optional<ChatUser> squatter = nicks.holder(nick).filter(holder -> !holder.isRegistered());
        if (owner && squatter.isPresent() && nicks.takeFrom(nick, squatter.get(), session)) {
            rename(squatter.get(), nick, replies.serverName());
            return true;
        }
        session.setNick(null);
        Optional<String> node = nicks.elsewhere(nick);
        if (owner && node.isPresent()) {
            replies.numeric(
                    Numeric.ERR_NICKNAMEINUSE,
                    nick,
                    "Your account is connected to another node of this cluster (" + node.get()
                            + "): connect all your devices to the same node");
        } else {
            replies.numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
        }
        return false;
    }

    /** Tells a still-registering connection, on its own event loop, that its nick went to its owner. */
    private void rename(ChatUser squatter, String nick, String serverName) {
        if (!(squatter instanceof Session other)) {
            return;
        }
        other.execute(() -> {
            if (other.isRegistered()
                    || other.nick() == null
                    || !nicks.caseMapping().equal(other.nick(), nick)) {
                return;
            }
            log.info("{} lost the nick {} to its account's owner", other, nick);
            other.setNick(null);
            other.sendNow(IrcMessage.from(
                    serverName,
                    Numeric.ERR_NICKNAMEINUSE.code(),
                    "*",
                    nick,
                    "Nickname is registered and its owner logged in; pick another"));
        });
    }

    /** @param newcomer whether the nick comes online now (false: the connection joins its account's presence) */
    private void admit(Session session, Replies replies, Admission.Admitted admitted, boolean newcomer) {
        session.markRegistered(clock.millis(), counts);
        session.inbound().setBudget(new FloodBudget(flood));
        Optional<Account> account = admitted.account();
        account.ifPresent(a -> {
            session.setAccount(a.name());
            if (admitted.viaPassword()) {
                AccountReplies.loggedIn(replies, session, a.name());
            }
        });
        serverReplies.welcome(replies, session);
        if (newcomer) {
            monitorNotices.online(session);
            elsewhere.online(session.actor());
        }
        if (account.isPresent() && account.get().operator()) {
            AccountReplies.becomeOperator(replies, session, account.get().name());
        }
        log.info("{} registered as {} from {}", session, session.source(), session.host());
    }
}
