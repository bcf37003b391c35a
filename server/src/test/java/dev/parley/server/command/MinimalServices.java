package dev.parley.server.command;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MessageSink;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.MsgIds;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.ParleyConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The services a departure touches for a user in no room (nicks, counts, monitors, WHOWAS), for
 * tests of timeouts and transports; stores, accounts, bans and history are left out (null; delivery keeps nothing), so a
 * test that reaches them fails loudly instead of testing them by accident.
 */
public final class MinimalServices {

    public static final String SERVER_NAME = "irc.test";

    private MinimalServices() {}

    public static Services forDepartures() {
        CaseMapping caseMapping = CaseMapping.RFC1459;
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new Services(ParleyConfig.defaults(), new ServerInfo(SERVER_NAME, "Test", "0", clock.instant()),
                new Rooms(caseMapping, clock), new Nicks(caseMapping), new UserCounts(),
                new NickHistory(caseMapping, 16), new Monitors(caseMapping), null, null, null, null,
                new Delivery(clock, new MsgIds(), MessageSink.NONE, false, false, caseMapping, ChatMetrics.NONE),
                ChatMetrics.NONE,
                clock, Runnable::run);
    }
}
