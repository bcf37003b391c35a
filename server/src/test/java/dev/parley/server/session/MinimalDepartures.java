package dev.parley.server.session;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MessageSink;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.MsgIds;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Rooms;
import dev.parley.server.config.AccountsConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Departures over the smallest real chat core (nicks, rooms, monitors, WHOWAS; a delivery that keeps
 * nothing), for tests of timeouts and transports.
 */
public final class MinimalDepartures {

    public static final String SERVER_NAME = "irc.test";

    private MinimalDepartures() {}

    public static Departures create() {
        CaseMapping caseMapping = CaseMapping.RFC1459;
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Delivery delivery =
                new Delivery(clock, new MsgIds(), MessageSink.NONE, false, false, caseMapping, ChatMetrics.NONE);
        Monitors monitors = new Monitors(caseMapping);
        return new Departures(
                new Rooms(caseMapping, clock),
                new Nicks(caseMapping),
                new NickHistory(caseMapping, 16),
                monitors,
                new MonitorNotices(monitors, delivery, SERVER_NAME),
                delivery,
                clock,
                Presences.inMemory(caseMapping, AccountsConfig::defaults));
    }
}
