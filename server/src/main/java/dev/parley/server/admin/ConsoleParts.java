package dev.parley.server.admin;

import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Rooms;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.login.ServerBan;
import dev.parley.server.session.Departures;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.BanStore;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The server's components the console works through, wired by the server: the same ones IRC
 * commands use, so a console action and its IRC command cannot drift apart.
 *
 * @param blocking the pool for store calls; never an event loop
 */
public record ConsoleParts(
        Supplier<ParleyConfig> config,
        Nicks nicks,
        Rooms rooms,
        Delivery delivery,
        Bans bans,
        Accounts accounts,
        Departures departures,
        ServerBan serverBan,
        LoginCheck login,
        AccountStore accountStore,
        BanStore banStore,
        ServerStatus status,
        Clock clock,
        Executor blocking,
        OtherNodes otherNodes) {}
