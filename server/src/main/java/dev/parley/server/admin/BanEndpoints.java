package dev.parley.server.admin;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.auth.BanFile;
import dev.parley.server.auth.Bans;
import dev.parley.server.login.ServerBan;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import dev.parley.server.store.memory.InMemoryBanStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Server bans: list, add (with a reason and an optional end), lift, and {@code ban.txt} export and
 * import. Adding and importing go through {@link ServerBan}, the path of IRC {@code BAN}: stored,
 * in force at once, matching users expelled.
 */
final class BanEndpoints {

    private final Bans bans;
    private final BanStore store;
    private final ServerBan serverBan;
    private final CaseMapping caseMapping;
    private final Clock clock;

    BanEndpoints(Bans bans, BanStore store, ServerBan serverBan, CaseMapping caseMapping, Clock clock) {
        this.bans = bans;
        this.store = store;
        this.serverBan = serverBan;
        this.caseMapping = caseMapping;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("bans", this::list),
                AdminRoute.post("bans", this::add),
                AdminRoute.delete("bans/{}", this::remove),
                AdminRoute.get("bans/export", this::export),
                AdminRoute.post("bans/import", this::importFile));
    }

    private CompletionStage<AdminResponse> list(AdminCall call) {
        List<Object> rows = new ArrayList<>();
        for (Ban ban : bans.list()) {
            rows.add(row(ban));
        }
        return done(AdminResponse.ok(Json.object("bans", rows)));
    }

    private static Map<String, Object> row(Ban ban) {
        return Json.object(
                "mask",
                ban.mask(),
                "account",
                ban.account(),
                "address",
                ban.address(),
                "reason",
                ban.reason(),
                "setBy",
                ban.setBy(),
                "createdAt",
                ban.createdAt().toString(),
                "expiresAt",
                BanExpiry.endOf(ban).map(Object::toString).orElse(null));
    }

    /** Fields: {@code target} (a nick or mask), {@code reason}, {@code expires} ({@code 2h}, {@code 7d}; empty: never). */
    private CompletionStage<AdminResponse> add(AdminCall call) {
        Optional<String> target = call.form().get("target");
        if (target.isEmpty() || target.get().chars().anyMatch(Character::isWhitespace)) {
            return done(AdminResponse.error(400, "give a nick or a mask to ban, without spaces"));
        }
        String reason = call.form().get("reason").orElse("Banned by an operator");
        Optional<String> expires = call.form().get("expires");
        Optional<Duration> length = expires.flatMap(BanExpiry::parseLength);
        if (expires.isPresent() && length.isEmpty()) {
            return done(AdminResponse.error(400, "expires: give a length such as 30m, 12h, 7d or 2w, or nothing"));
        }
        String fullReason = length.map(
                        l -> BanExpiry.reasonUntil(reason, clock.instant().plus(l)))
                .orElse(reason);
        ServerBan.Imposed imposed =
                serverBan.impose(target.get(), fullReason, call.login().operator(), null);
        Ban ban = imposed.ban();
        ConsoleAudit.LOG.info(
                "{} banned {} {} ({}); {} disconnected",
                call.login(),
                ban.mask(),
                ban.identities(),
                fullReason,
                imposed.disconnected());
        return imposed.stored().handle((stored, error) -> {
            Map<String, Object> answer = row(ban);
            answer.put("disconnected", imposed.disconnected());
            answer.put("stored", error == null);
            return AdminResponse.ok(answer);
        });
    }

    private CompletionStage<AdminResponse> remove(AdminCall call) {
        String mask = call.param(0);
        return bans.remove(mask).handle((removed, error) -> {
            if (error != null) {
                return AdminResponse.error(
                        500,
                        "the ban is lifted until restart, but could not be removed from the "
                                + "database (see the server log)");
            }
            if (!removed) {
                return AdminResponse.error(404, "no ban on " + mask);
            }
            ConsoleAudit.LOG.info("{} lifted ban {}", call.login(), mask);
            return AdminResponse.ok(Json.object("lifted", mask));
        });
    }

    /** The stored bans in {@code ban.txt} form, the file {@code parley bans export} writes. */
    private CompletionStage<AdminResponse> export(AdminCall call) {
        String text = throughTempFile(file -> {
            BanFile.exportFrom(store, file);
            return Files.readString(file, StandardCharsets.UTF_8);
        });
        ConsoleAudit.LOG.info("{} exported the ban list", call.login());
        return done(
                AdminResponse.text(200, text).withHeader("Content-Disposition", "attachment; filename=\"ban.txt\""));
    }

    /** The body is a {@code ban.txt}; each entry is imposed as if banned by hand, by this operator. */
    private CompletionStage<AdminResponse> importFile(AdminCall call) {
        InMemoryBanStore parsed = new InMemoryBanStore(caseMapping);
        throughTempFile(file -> {
            Files.write(file, call.request().body());
            return BanFile.importInto(parsed, file, call.login().operator());
        });
        int disconnected = serverBan.imposeAll(parsed.list(), null);
        ConsoleAudit.LOG.info(
                "{} imported {} bans; {} disconnected",
                call.login(),
                parsed.list().size(),
                disconnected);
        return done(AdminResponse.ok(Json.object("imported", parsed.list().size(), "disconnected", disconnected)));
    }

    /** Runs file work on a temporary file (BanFile reads and writes files), deleted after. */
    private static <T> T throughTempFile(FileWork<T> work) {
        Path file = null;
        try {
            file = Files.createTempFile("parley-bans-", ".txt");
            return work.on(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    @FunctionalInterface
    private interface FileWork<T> {
        T on(Path file) throws IOException;
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
