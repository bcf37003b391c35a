package dev.parley.server.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The server's state at a glance, the live metrics, and REHASH. */
final class StatusEndpoints {

    private final ServerStatus server;
    private final Clock clock;

    StatusEndpoints(ServerStatus server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("status", this::status),
                AdminRoute.get("metrics", this::metrics),
                AdminRoute.post("rehash", this::rehash));
    }

    /**
     * Version, uptime, the nodes (one, until the cluster lands: the list is there so the console and
     * scripts need not change then), the counts, and the history writer's state.
     */
    private CompletionStage<AdminResponse> status(AdminCall call) {
        long uptime = Duration.between(server.startedAt(), clock.instant()).toSeconds();
        Map<String, Object> node = Json.object(
                "name",
                server.serverName(),
                "version",
                server.version(),
                "startedAt",
                server.startedAt().toString(),
                "uptimeSeconds",
                uptime,
                "self",
                true);
        return done(AdminResponse.ok(Json.object(
                "server", server.serverName(),
                "version", server.version(),
                "startedAt", server.startedAt().toString(),
                "uptimeSeconds", uptime,
                "nodes", List.of(node),
                "connections", server.connections().getAsInt(),
                "users", server.users().getAsInt(),
                "operators", server.operators().getAsInt(),
                "rooms", server.rooms().getAsInt(),
                "history", history())));
    }

    private Map<String, Object> history() {
        var writer = server.history();
        if (writer == null) {
            return Json.object("enabled", false, "state", "off");
        }
        return Json.object(
                "enabled",
                true,
                "state",
                writer.isDegraded() ? "degraded: the database is unreachable, messages go to the spill file" : "ok",
                "degraded",
                writer.isDegraded(),
                "queued",
                writer.pendingCount(),
                "spillBytes",
                writer.spillBytes(),
                "stored",
                writer.storedCount(),
                "dropped",
                writer.droppedCount(),
                "lost",
                writer.lostCount());
    }

    /** The same text as {@code /metrics}, for the console's live view (and on the admin listener only, if so set up). */
    private CompletionStage<AdminResponse> metrics(AdminCall call) {
        return server.metrics()
                .get()
                .thenApply(text -> new AdminResponse(
                        200,
                        "text/plain; version=0.0.4; charset=utf-8",
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Map.of()));
    }

    private CompletionStage<AdminResponse> rehash(AdminCall call) {
        ConsoleAudit.LOG.info("{} asked for REHASH", call.login());
        String outcome = server.reload().get();
        ConsoleAudit.LOG.info("{}: REHASH: {}", call.login(), outcome);
        return done(AdminResponse.ok(Json.object("result", outcome)));
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
