package dev.parley.server.chat;

import dev.parley.protocol.cap.CapabilitySet;
import java.util.Set;

/**
 * A user as everyone else sees it at one moment: immutable, so another thread that reads a user's
 * nick and account reads them from the same moment. The user's own thread publishes a new one on
 * every change (see {@code session.Session}).
 *
 * @param source {@code nick!user@host}, kept so every relayed line reuses one string
 * @param operatorName the OPER entry the user is operator by, or null
 * @param awayMessage null when present
 * @param receivesWallops user mode +w
 * @param bot user mode +B (IRCv3 bot-mode)
 * @param registered whether registration completed (only those are visible to others)
 * @param metadataSubscriptions the metadata keys the client subscribed to ({@code METADATA * SUB})
 */
public record UserSnapshot(
        String nick,
        String user,
        String host,
        String source,
        String realname,
        String account,
        String operatorName,
        String awayMessage,
        boolean invisible,
        boolean receivesWallops,
        boolean bot,
        boolean registered,
        CapabilitySet caps,
        long signonMillis,
        long lastMessageMillis,
        Set<String> metadataSubscriptions) {

    public UserSnapshot {
        metadataSubscriptions = Set.copyOf(metadataSubscriptions);
        if (source == null) {
            source = nick + "!" + user + "@" + host;
        }
    }

    /** A connection that has not registered yet: only its host is known. */
    public static UserSnapshot connecting(String host) {
        return new UserSnapshot(
                null,
                null,
                host,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                false,
                CapabilitySet.NONE,
                0,
                0,
                Set.of());
    }

    public UserSnapshot withNick(String value) {
        return new UserSnapshot(
                value,
                user,
                host,
                null,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withUser(String value) {
        return new UserSnapshot(
                nick,
                value,
                host,
                null,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withRealname(String value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                value,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withAccount(String value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                value,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withOperatorName(String value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                value,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withAwayMessage(String value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                value,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withInvisible(boolean value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                value,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withReceivesWallops(boolean value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                value,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withBot(boolean value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                value,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    /** Registration completed at {@code nowMillis}, which is also its last activity. */
    public UserSnapshot registeredAt(long nowMillis) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                true,
                caps,
                nowMillis,
                nowMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withCaps(CapabilitySet value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                value,
                signonMillis,
                lastMessageMillis,
                metadataSubscriptions);
    }

    public UserSnapshot withLastMessageMillis(long value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                value,
                metadataSubscriptions);
    }

    public UserSnapshot withMetadataSubscriptions(Set<String> value) {
        return new UserSnapshot(
                nick,
                user,
                host,
                source,
                realname,
                account,
                operatorName,
                awayMessage,
                invisible,
                receivesWallops,
                bot,
                registered,
                caps,
                signonMillis,
                lastMessageMillis,
                value);
    }
}
