package dev.parley.server.admin;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.ParleyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The admin console assembled: its API with every endpoint family, and the sweep that ends bans
 * set with an end (which runs whether or not a listener serves the console: a ban's end does not
 * depend on how it was set).
 */
public final class AdminConsole {

    private final AdminApi api;
    private final BanExpiry banExpiry;

    public AdminConsole(ConsoleParts parts) {
        Supplier<ParleyConfig> live = parts.config(); // in force: a reload changes the lengths
        ParleyConfig config = live.get(); // for what only a restart changes
        String serverName = config.server().name();
        AdminSessions sessions = new AdminSessions(config.admin().sessionTimeout(), parts.clock());
        ConsoleKicks kicks = new ConsoleKicks(
                parts.departures(), serverName, () -> live.get().limits().kickReasonLength(), parts.otherNodes());
        AccountEndpoints.Rules rules = new AccountEndpoints.Rules(
                config.auth().adminName(),
                () -> live.get().accounts().minPasswordLength(),
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
                        () -> live.get().limits().topicLength(),
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
