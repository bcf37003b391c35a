package dev.parley.server.login;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChangeWitnesses;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberEvents;
import dev.parley.server.chat.Monitors;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a login tells the user and, through account-notify, the users who share a room with it. */
public final class AccountReplies {

    private static final Logger log = LoggerFactory.getLogger(AccountReplies.class);

    private final Monitors monitors;
    private final Delivery delivery;
    private final MemberEvents elsewhere;

    /** {@code elsewhere}: where the change goes for room mates on other cluster nodes. */
    public AccountReplies(Monitors monitors, Delivery delivery, MemberEvents elsewhere) {
        this.monitors = monitors;
        this.delivery = delivery;
        this.elsewhere = elsewhere;
    }

    /** 900 RPL_LOGGEDIN to the user. */
    public static void loggedIn(Replies replies, Session session, String account) {
        String source = orStar(session.nick()) + "!" + orStar(session.user()) + "@" + session.host();
        replies.numeric(Numeric.RPL_LOGGEDIN, source, account, "You are now logged in as " + account);
        log.info("{} logged in to account {}", session, account);
    }

    private static String orStar(String part) {
        return part == null ? "*" : part;
    }

    /** 381 and MODE +o: an account with the operator flag has logged in. */
    public static void becomeOperator(Replies replies, Session session, String account) {
        session.setOperatorName(account);
        replies.numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
        replies.add(IrcMessage.from(session.source(), "MODE", session.nick(), "+o"));
        log.info("{} is now an operator (account {})", session, account);
    }

    /** ACCOUNT to the room mates and monitors (and the user) that asked for account-notify. */
    public void notifyRoomMates(Replies replies, Session session, String account) {
        IrcMessage change = IrcMessage.from(session.source(), "ACCOUNT", account == null ? "*" : account);
        delivery.send(change, ChangeWitnesses.of(monitors, session, session.rooms(), Capability.ACCOUNT_NOTIFY));
        elsewhere.changed(session.actor(), session.nick(), session.rooms(), change);
        if (session.caps().has(Capability.ACCOUNT_NOTIFY)) {
            replies.add(change);
        }
    }
}
