package dev.parley.server.command;

import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.History;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What command handlers work with, wired once by the server.
 *
 * @param blocking the pool for blocking work (bcrypt, ban persistence); never an event loop
 */
public record Services(
        ParleyConfig config,
        ServerInfo info,
        Rooms rooms,
        Nicks nicks,
        UserCounts counts,
        NickHistory nickHistory,
        Monitors monitors,
        Bans bans,
        Accounts accounts,
        ReadMarkers readMarkers,
        History history,
        Delivery delivery,
        ChatMetrics metrics,
        Clock clock,
        Executor blocking) {

    public String serverName() {
        return info.name();
    }
}
