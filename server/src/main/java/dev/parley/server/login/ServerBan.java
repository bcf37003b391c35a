package dev.parley.server.login;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.Mask;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.UserEvent;
import dev.parley.server.config.ModerationConfig;
import dev.parley.server.session.Departures;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a server ban and expels the users it matches: the one path of IRC {@code BAN} and of the
 * admin console, so a ban means the same wherever it is set (stored, in force at once, every
 * matching user kicked from their rooms, told 465 and disconnected).
 */
public final class ServerBan {

    private static final Logger log = LoggerFactory.getLogger(ServerBan.class);

    private final String serverName;
    /** Read at each ban: a reload changes whether a guest's address is banned too. */
    private final Supplier<ModerationConfig> moderation;

    private final Nicks nicks;
    private final Bans bans;
    private final Accounts accounts;
    private final Clock clock;
    private final Departures departures;

    public ServerBan(
            String serverName,
            Supplier<ModerationConfig> moderation,
            Nicks nicks,
            Bans bans,
            Accounts accounts,
            Clock clock,
            Departures departures) {
        this.serverName = serverName;
        this.moderation = moderation;
        this.nicks = nicks;
        this.bans = bans;
        this.accounts = accounts;
        this.clock = clock;
        this.departures = departures;
    }

    /**
     * What a ban did.
     *
     * @param ban the ban in force
     * @param disconnected how many users it expelled
     * @param stored completes once the ban is in the database (fails when it could not be stored)
     */
    public record Imposed(Ban ban, int disconnected, CompletionStage<Ban> stored) {}

    /**
     * Bans a nick or mask. A nick that is online is banned on every identity its user has: the nick,
     * their account, and, for a guest, their address (unless {@code moderation.ban-guest-address} is
     * off or the address is loopback). An offline nick that is an account's name bans that account
     * too. Every other user matching the ban is disconnected at once.
     *
     * @param kicker the operator whose KICK the expelled see, or null for the server itself
     */
    public Imposed impose(String nickOrMask, String reason, String setBy, ChatUser kicker) {
        String mask = Mask.normalize(nickOrMask);
        Optional<ChatUser> named = nicks.find(nickOrMask).filter(ChatUser::isRegistered);
        String account = named.isPresent() ? named.get().account() : offlineAccount(nickOrMask);
        String address = named.filter(user -> user.account() == null)
                .map(this::bannableAddress)
                .orElse(null);
        return imposeExactly(new Ban(mask, account, address, reason, setBy, clock.instant()), kicker);
    }

    /** Puts {@code ban} in force as it is and expels whom it matches. */
    private Imposed imposeExactly(Ban ban, ChatUser kicker) {
        CompletionStage<Ban> stored = store(ban);
        return new Imposed(ban, expelMatching(kicker, ban.reason()), stored);
    }

    /**
     * Puts every ban in force (an imported {@code ban.txt}), then expels whom they match, once each;
     * returns how many users left. Each ban's storing is logged if it fails.
     */
    public int imposeAll(List<Ban> imported, ChatUser kicker) {
        imported.forEach(this::store);
        return expelMatching(kicker, null);
    }

    /**
     * Disconnects every user here that a ban now matches (the bans were reread: another cluster node
     * changed them); each is told the reason of the ban that matches them. How many left.
     */
    public int expelBanned() {
        return expelMatching(null, null);
    }

    private CompletionStage<Ban> store(Ban ban) {
        CompletionStage<Ban> stored = bans.add(ban.mask(), ban.account(), ban.address(), ban.reason(), ban.setBy());
        stored.whenComplete((ignored, error) -> {
            if (error != null) {
                log.error("{} could not store ban {}", ban.setBy(), ban.mask(), error);
            }
        });
        return stored;
    }

    /**
     * Disconnects every registered user a ban now matches, except the kicker.
     *
     * @param reason what they are told; null: the reason of the ban that matches each
     */
    private int expelMatching(ChatUser kicker, String reason) {
        int removed = 0;
        ChatUser spared = kicker == null ? null : kicker.actor(); // with every device of its account
        for (ChatUser user : List.copyOf(nicks.all())) {
            if (user != spared && user.isRegistered()) {
                ChatUser victim = user;
                Optional<Ban> matching = bans.find(user.source(), user.account(), user.host());
                if (matching.isPresent()) {
                    expel(
                            kicker,
                            victim,
                            reason != null ? reason : matching.get().reason());
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The account named like the nick, when one is registered: only its owner may use that nick. */
    private String offlineAccount(String nick) {
        return accounts.names().isRegistered(nick) ? nick : null;
    }

    /**
     * A guest's address, unless address bans are off or it connected over loopback (an address every
     * local user shares); the connection already knows which, so no second parse of the host here.
     */
    private String bannableAddress(ChatUser user) {
        boolean loopback =
                !(user instanceof Session session) || session.connection().isLoopback();
        return moderation.get().banGuestAddress() && !loopback ? user.host() : null;
    }

    private void expel(ChatUser kicker, ChatUser victim, String reason) {
        for (Room room : List.copyOf(Session.roomsOf(victim))) {
            String[] params = {room.name(), victim.nick(), "Banned: " + reason};
            IrcMessage kick = kicker == null
                    ? IrcMessage.from(serverName, "KICK", params)
                    : UserEvent.from(kicker, "KICK", params);
            departures.kick(room, victim, kick, null);
        }
        List<? extends ChatUser> devices = victim.devices();
        for (ChatUser device : devices == null ? List.of(victim) : List.copyOf(devices)) {
            if (device instanceof Session connection) {
                connection.execute(() -> connection.sendNow(IrcMessage.from(
                        serverName,
                        Numeric.ERR_YOUREBANNEDCREEP.code(),
                        connection.nick(),
                        "You are banned from this server: " + reason)));
            }
        }
        departures.expel(victim, "Banned: " + reason);
    }
}
