package dev.parley.server.admin;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.ParleyConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin console assembled: its API with every endpoint family, and the sweep that ends bans
 * set with an end (which runs whether or not a listener serves the console: a ban's end does not
 * depend on how it was set).
 */
public final class AdminConsole {

    private final AdminApi api;
    private final BanExpiry banExpiry;

    public AdminConsole(ConsoleParts parts) {
        ParleyConfig config = parts.config();
        String serverName = config.server().name();
        AdminSessions sessions = new AdminSessions(config.admin().sessionTimeout(), parts.clock());
        ConsoleKicks kicks =
                new ConsoleKicks(parts.departures(), serverName, config.limits().kickReasonLength());
        AccountEndpoints.Rules rules = new AccountEndpoints.Rules(
                config.auth().adminName(),
                config.accounts().minPasswordLength(),
                config.limits().nickLength());
        List<AdminRoute> routes = new ArrayList<>();
        routes.addAll(new StatusEndpoints(parts.status(), parts.clock()).routes());
        routes.addAll(
                new UserEndpoints(parts.nicks(), parts.rooms(), kicks, parts.departures(), parts.clock()).routes());
        routes.addAll(new RoomEndpoints(
                        parts.rooms(),
                        parts.delivery(),
                        kicks,
                        parts.nicks().caseMapping(),
                        serverName,
                        config.limits().topicLength(),
                        parts.clock())
                .routes());
        routes.addAll(new BanEndpoints(
                        parts.bans(),
                        parts.banStore(),
                        parts.serverBan(),
                        parts.nicks().caseMapping(),
                        parts.clock())
                .routes());
        routes.addAll(new AccountEndpoints(
                        parts.accountStore(),
                        parts.accounts(),
                        new PasswordHasher(config.accounts().bcryptCost()),
                        sessions,
                        rules,
                        parts.clock(),
                        parts.blocking())
                .routes());
        this.api = new AdminApi(sessions, new AdminLogin(parts.login(), sessions), routes, parts.blocking());
        this.banExpiry = new BanExpiry(parts.bans(), parts.clock());
    }

    public AdminApi api() {
        return api;
    }

    public BanExpiry banExpiry() {
        return banExpiry;
    }

    /** How often the server should call {@link BanExpiry#sweep}. */
    public static long banSweepSeconds() {
        return BanExpiry.SWEEP_SECONDS;
    }
}
