package dev.parley.server.config;

import java.time.Duration;

/**
 * Limits on everything a client can grow. A size of 0 switches that limit off where noted.
 *
 * @param nickLength longest nick (NICKLEN)
 * @param roomNameLength longest room name including '#' (CHANNELLEN)
 * @param topicLength longest topic (TOPICLEN)
 * @param awayLength longest away message (AWAYLEN)
 * @param kickReasonLength longest kick reason (KICKLEN)
 * @param realnameLength longest real name
 * @param maxRoomsPerClient rooms one client may be in at once (CHANLIMIT)
 * @param maxListEntries entries in one room's ban or invite-exception list (MAXLIST)
 * @param sendQueueBytes bytes waiting to go to a client before it is disconnected; 0 = no limit
 * @param registrationTimeout time to complete registration; 0 = no limit
 * @param pingInterval idle time after which the server sends PING; 0 = never
 * @param pingTimeout time to answer that PING before the connection is closed
 * @param flood the per-client flood control
 * @param connections per-IP connection limits
 * @param multiline limits on a multi-line message
 */
public record LimitsConfig(
        int nickLength,
        int roomNameLength,
        int topicLength,
        int awayLength,
        int kickReasonLength,
        int realnameLength,
        int maxRoomsPerClient,
        int maxListEntries,
        int sendQueueBytes,
        Duration registrationTimeout,
        Duration pingInterval,
        Duration pingTimeout,
        FloodConfig flood,
        ConnectionLimitsConfig connections,
        MultilineConfig multiline) {

    /** These limits with other multi-line limits. */
    public LimitsConfig withMultiline(MultilineConfig newMultiline) {
        return new LimitsConfig(
                nickLength,
                roomNameLength,
                topicLength,
                awayLength,
                kickReasonLength,
                realnameLength,
                maxRoomsPerClient,
                maxListEntries,
                sendQueueBytes,
                registrationTimeout,
                pingInterval,
                pingTimeout,
                flood,
                connections,
                newMultiline);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(
                32,
                64,
                390,
                390,
                390,
                128,
                100,
                100,
                96 * 1024,
                Duration.ofSeconds(60),
                Duration.ofSeconds(120),
                Duration.ofSeconds(60),
                FloodConfig.defaults(),
                ConnectionLimitsConfig.defaults(),
                MultilineConfig.defaults());
    }
}
