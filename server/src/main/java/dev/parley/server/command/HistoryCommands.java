package dev.parley.server.command;

import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryAnchor;
import dev.parley.server.history.HistoryReplies;
import dev.parley.server.history.HistoryRequest;
import dev.parley.server.history.HistoryUnavailable;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import dev.parley.server.store.Playback;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History replay: IRCv3 {@code CHATHISTORY} (LATEST, BEFORE, AFTER, AROUND, BETWEEN, TARGETS) and
 * the plain {@code HISTORY <room|nick> [count]} for clients without it. Queries run off the event
 * loop; the client's further input waits for the reply. Kept events (reactions, topic changes)
 * replay only in CHATHISTORY's batch to a client with {@code draft/event-playback}, counted in its
 * limit; HISTORY lists text alone.
 */
public final class HistoryCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(HistoryCommands.class);

    private final ServerInfo info;
    private final HistoryConfig historyConfig;
    private final Nicks nicks;
    private final History history;
    private final HistoryRequest request;

    public HistoryCommands(
            ServerInfo info, HistoryConfig historyConfig, Nicks nicks, History history, HistoryRequest request) {
        this.info = info;
        this.historyConfig = historyConfig;
        this.nicks = nicks;
        this.history = history;
        this.request = request;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("CHATHISTORY", 1, this::chathistory).withFloodCost(0.25),
                CommandSpec.registered("HISTORY", 1, this::history).withFloodCost(0.25));
    }

    void chathistory(CommandContext ctx) {
        String sub = ctx.param(0).toUpperCase(Locale.ROOT);
        if (!history.enabled()) {
            ctx.replies().fail("CHATHISTORY", "MESSAGE_ERROR", sub, "History is not kept on this server");
            return;
        }
        if (sub.equals("TARGETS")) {
            targets(ctx);
            return;
        }
        int needed = sub.equals("BETWEEN") ? 5 : 4;
        if (!List.of("LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN").contains(sub)) {
            ctx.replies().fail("CHATHISTORY", "INVALID_PARAMS", sub, "Unknown subcommand");
            return;
        }
        if (ctx.paramCount() < needed) {
            ctx.replies().fail("CHATHISTORY", "INVALID_PARAMS", sub, "Not enough parameters");
            return;
        }
        String target = ctx.param(1);
        Optional<Integer> limit = request.limit(ctx.param(needed - 1));
        if (limit.isEmpty() || !anchorsValid(ctx, sub)) {
            ctx.replies().fail("CHATHISTORY", "INVALID_PARAMS", sub, "Invalid message reference or limit");
            return;
        }
        CompletionStage<Optional<List<StoredMessage>>> found = request.keyFor(ctx.session(), target)
                .thenCompose(key -> key.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<List<StoredMessage>>empty())
                        : query(ctx, sub, key.get(), limit.get(), playback(ctx.session()))
                                .orElseThrow()
                                .thenApply(Optional::of));
        // CHATHISTORY needs batch (the spec's dependency); a client without it gets HISTORY's form.
        boolean batched = ctx.session().caps().has(Capability.BATCH);
        replyLater(ctx, found, messages -> {
            if (messages.isEmpty()) {
                ctx.replies().fail("CHATHISTORY", "INVALID_TARGET", sub, target, "Messages could not be retrieved");
            } else {
                HistoryReplies.send(ctx.replies(), batched, multiline(ctx.session()), target, messages.get());
            }
        });
    }

    /**
     * Kept events (reactions, topic changes) for a client that enabled {@code draft/event-playback}
     * and can take them: TAGMSG needs message-tags, and only a batch marks them as replayed, not new.
     */
    private static Playback playback(Session session) {
        boolean events = session.caps().has(Capability.EVENT_PLAYBACK)
                && session.caps().has(Capability.MESSAGE_TAGS)
                && session.caps().has(Capability.BATCH);
        return events ? Playback.EVENTS : Playback.MESSAGES;
    }

    private static boolean multiline(Session session) {
        return session.caps().has(Capability.MULTILINE);
    }

    /** Whether the subcommand's message references parse (so {@link #query} gives a query). */
    private static boolean anchorsValid(CommandContext ctx, String sub) {
        String ref = ctx.param(2);
        if (sub.equals("LATEST")) {
            return ref.equals("*") || HistoryRequest.anchor(ref).isPresent();
        }
        boolean first = HistoryRequest.anchor(ref).isPresent();
        return sub.equals("BETWEEN")
                ? first && HistoryRequest.anchor(ctx.param(3)).isPresent()
                : first;
    }

    private Optional<CompletionStage<List<StoredMessage>>> query(
            CommandContext ctx, String sub, String key, int limit, Playback playback) {
        String ref = ctx.param(2);
        if (sub.equals("LATEST")) {
            if (ref.equals("*")) {
                return Optional.of(history.latest(key, Optional.empty(), limit, playback));
            }
            return HistoryRequest.anchor(ref).map(a -> history.latest(key, Optional.of(a), limit, playback));
        }
        Optional<HistoryAnchor> anchor = HistoryRequest.anchor(ref);
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        return switch (sub) {
            case "BEFORE" -> Optional.of(history.before(key, anchor.get(), limit, playback));
            case "AFTER" -> Optional.of(history.after(key, anchor.get(), limit, playback));
            case "AROUND" -> Optional.of(history.around(key, anchor.get(), limit, playback));
            default ->
                HistoryRequest.anchor(ctx.param(3))
                        .map(end -> history.between(key, anchor.get(), end, limit, playback));
        };
    }

    private void targets(CommandContext ctx) {
        Session session = ctx.session();
        if (ctx.paramCount() < 4) {
            ctx.replies().fail("CHATHISTORY", "INVALID_PARAMS", "TARGETS", "Not enough parameters");
            return;
        }
        var from = HistoryRequest.anchor(ctx.param(1)).filter(a -> a instanceof HistoryAnchor.ByTime);
        var to = HistoryRequest.anchor(ctx.param(2)).filter(a -> a instanceof HistoryAnchor.ByTime);
        Optional<Integer> limit = request.limit(ctx.param(3));
        if (from.isEmpty() || to.isEmpty() || limit.isEmpty()) {
            ctx.replies().fail("CHATHISTORY", "INVALID_PARAMS", "TARGETS", "Invalid timestamps or limit");
            return;
        }
        List<String> roomKeys = session.rooms().stream().map(r -> r.key()).toList();
        String me = HistoryKeys.identity(nicks.caseMapping(), session);
        var stage = history.targets(
                me,
                roomKeys,
                ((HistoryAnchor.ByTime) from.get()).time(),
                ((HistoryAnchor.ByTime) to.get()).time(),
                limit.get());
        replyLater(ctx, stage, found -> targetsBatch(ctx, me, found));
    }

    private void targetsBatch(CommandContext ctx, String me, List<TargetActivity> found) {
        String batch = ctx.replies().startBatch("draft/chathistory-targets");
        for (TargetActivity activity : found) {
            String name = nameFor(me, activity);
            ctx.replies()
                    .add(dev.parley.protocol.IrcMessage.from(
                                    info.name(), "CHATHISTORY", "TARGETS", name, ServerTime.format(activity.latest()))
                            .withTag("batch", batch));
        }
        ctx.replies().endBatch(batch);
    }

    /** The room, or the other side of a private conversation as the user knows it (nick or account). */
    private String nameFor(String me, TargetActivity activity) {
        StoredMessage last = activity.lastMessage();
        if (last.isRoomMessage()) {
            return last.target();
        }
        if (HistoryKeys.sender(nicks.caseMapping(), last).equals(me)) {
            return last.target();
        }
        return last.senderAccount() != null ? last.senderAccount() : last.senderNick();
    }

    void history(CommandContext ctx) {
        if (!history.enabled()) {
            ctx.replies().notice("History is not kept on this server");
            return;
        }
        String target = ctx.param(0);
        int count = historyConfig.defaultPageSize();
        if (ctx.paramCount() > 1) {
            Optional<Integer> asked = request.limit(ctx.param(1));
            if (asked.isEmpty()) {
                ctx.replies().notice("HISTORY count must be a positive number");
                return;
            }
            count = asked.get();
        }
        int pageSize = count;
        Session session = ctx.session();
        boolean batched = session.caps().has(Capability.BATCH) && session.caps().has(Capability.SERVER_TIME);
        CompletionStage<Optional<List<StoredMessage>>> found = request.keyFor(session, target)
                .thenCompose(key -> key.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<List<StoredMessage>>empty())
                        : history.latest(key.get(), Optional.empty(), pageSize).thenApply(Optional::of));
        replyLater(ctx, found, messages -> {
            if (messages.isEmpty()) {
                ctx.replies().notice("No history for " + target + ": join the room first");
            } else {
                HistoryReplies.send(ctx.replies(), batched, multiline(ctx.session()), target, messages.get());
            }
        });
    }

    private <T> void replyLater(CommandContext ctx, CompletionStage<T> stage, Consumer<T> render) {
        DeferredReply later = ctx.defer();
        stage.whenComplete((result, error) -> later.completeWith(() -> {
            if (error != null) {
                if (!(rootOf(error) instanceof HistoryUnavailable)) {
                    log.error("{} history query failed", ctx.session(), error); // a bug, not an outage
                }
                ctx.replies().fail(ctx.message().verb(), "MESSAGE_ERROR", "History is unavailable right now");
            } else {
                render.accept(result);
            }
        }));
    }

    /** The failure inside the stage's wrappers; an unavailable database was logged where it was seen. */
    private static Throwable rootOf(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
