package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import java.util.List;
import java.util.Map;

/**
 * What IRCv3 MONITOR watchers hear when a nick comes online or goes offline (730, 731). Separate
 * from the MONITOR command because registration, NICK and departures announce too.
 */
public final class MonitorNotices {

    private final Monitors monitors;
    private final Delivery delivery;
    private final String serverName;

    public MonitorNotices(Monitors monitors, Delivery delivery, String serverName) {
        this.monitors = monitors;
        this.delivery = delivery;
        this.serverName = serverName;
    }

    /** Tells the user's watchers it is online. */
    public void online(ChatUser user) {
        for (ChatUser watcher : monitors.watchersOf(user.nick())) {
            notify(watcher, Numeric.RPL_MONONLINE, user.source());
        }
    }

    /**
     * Tells the watchers of {@code nick}, now held by a user of another cluster node, that it is
     * online; that node's nick announcement carries the casefolded nick only, so that is what they see.
     */
    public void onlineElsewhere(String nick) {
        for (ChatUser watcher : monitors.watchersOf(nick)) {
            notify(watcher, Numeric.RPL_MONONLINE, nick);
        }
    }

    /** Tells the watchers of {@code nick} that it went offline. */
    public void offline(String nick) {
        for (ChatUser watcher : monitors.watchersOf(nick)) {
            notify(watcher, Numeric.RPL_MONOFFLINE, nick);
        }
    }

    private void notify(ChatUser watcher, Numeric numeric, String text) {
        delivery.toUser(watcher, new IrcMessage(Map.of(), serverName, numeric.code(), List.of(watcher.nick(), text)));
    }
}
