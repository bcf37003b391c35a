package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.ReadMarkerReplies;
import dev.parley.server.session.ReadMarkers;
import dev.parley.server.session.Session;
import dev.parley.server.store.MarkerUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRCv3 {@code draft/read-marker}: {@code MARKREAD <target>} asks for the user's read marker on a
 * room or nick, {@code MARKREAD <target> timestamp=...} moves it forward. The answer is always the
 * marker stored afterwards; a marker that moved is also sent to the account's other clients that
 * have the capability. JOIN's MARKREAD is in {@link dev.parley.server.session.JoinMarkers}.
 */
public final class ReadMarkerCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(ReadMarkerCommands.class);

    private final ServerInfo info;
    private final LimitsConfig limits;
    private final Nicks nicks;
    private final ReadMarkers readMarkers;
    private final Delivery delivery;

    public ReadMarkerCommands(
            ServerInfo info, LimitsConfig limits, Nicks nicks, ReadMarkers readMarkers, Delivery delivery) {
        this.info = info;
        this.limits = limits;
        this.nicks = nicks;
        this.readMarkers = readMarkers;
        this.delivery = delivery;
    }

    @Override
    public List<CommandSpec> commands() {
        // No minimum: the spec answers a bare MARKREAD with FAIL, not with 461.
        return List.of(CommandSpec.registered("MARKREAD", 0, this::markread).withFloodCost(0.25));
    }

    void markread(CommandContext ctx) {
        if (ctx.paramCount() == 0) {
            ctx.replies().fail("MARKREAD", "NEED_MORE_PARAMS", "Missing parameters");
            return;
        }
        String target = ctx.param(0);
        if (!validTarget(target)) {
            ctx.replies().fail("MARKREAD", "INVALID_PARAMS", target, "Invalid target");
            return;
        }
        if (ctx.paramCount() == 1) {
            answerLater(ctx, target, readMarkers.find(ctx.session(), target), marker -> reply(ctx, target, marker));
            return;
        }
        Optional<Instant> time = timestamp(ctx.param(1));
        if (time.isEmpty()) {
            ctx.replies().fail("MARKREAD", "INVALID_PARAMS", ctx.param(1), "Invalid timestamp");
            return;
        }
        answerLater(
                ctx,
                target,
                readMarkers.advance(ctx.session(), target, time.get()),
                update -> set(ctx, target, update));
    }

    private boolean validTarget(String target) {
        return ChannelName.looksLikeRoom(target)
                ? ChannelName.isValid(target, limits.roomNameLength())
                : NickName.isValid(target, limits.nickLength());
    }

    /** {@code timestamp=YYYY-MM-DDThh:mm:ss.sssZ}, kept to the millisecond; a client may not send {@code *}. */
    static Optional<Instant> timestamp(String param) {
        if (!param.startsWith(ReadMarkerReplies.PREFIX)) {
            return Optional.empty();
        }
        return ServerTime.parse(param.substring(ReadMarkerReplies.PREFIX.length()))
                .map(t -> t.truncatedTo(ChronoUnit.MILLIS));
    }

    private void reply(CommandContext ctx, String target, Optional<Instant> marker) {
        ctx.replies().add(markread(target, marker));
    }

    private void set(CommandContext ctx, String target, MarkerUpdate update) {
        IrcMessage line = markread(target, Optional.of(update.marker()));
        ctx.replies().add(line);
        Session session = ctx.session();
        if (update.moved() && session.account() != null) {
            delivery.send(line, otherClientsOf(session));
        }
    }

    private IrcMessage markread(String target, Optional<Instant> marker) {
        return IrcMessage.from(info.name(), "MARKREAD", target, ReadMarkerReplies.value(marker));
    }

    /**
     * The account's other registered clients that asked for read markers. A scan of every nick:
     * sets are rare next to messages, and no per-account index has to be kept.
     */
    private List<ChatUser> otherClientsOf(Session session) {
        List<ChatUser> others = new ArrayList<>();
        for (ChatUser user : nicks.all()) {
            if (user.isRegistered()
                    && user.account() != null
                    && nicks.caseMapping().equal(user.account(), session.account())) {
                List<? extends ChatUser> devices = user.devices();
                for (ChatUser device : devices == null ? List.of(user) : devices) {
                    if (device != session && device.caps().has(Capability.READ_MARKER)) {
                        others.add(device);
                    }
                }
            }
        }
        return others;
    }

    /** Replies now when the answer is ready (a guest's), else when the database has answered. */
    private <T> void answerLater(CommandContext ctx, String target, CompletableFuture<T> answer, Consumer<T> render) {
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            render.accept(answer.join());
            return;
        }
        DeferredReply later = ctx.defer();
        answer.whenComplete((result, error) -> later.completeWith(() -> {
            if (error != null) {
                log.warn("{} MARKREAD {} failed: {}", ctx.session(), target, error.toString());
                ReadMarkerReplies.unavailable(ctx.replies(), target);
            } else {
                render.accept(result);
            }
        }));
    }
}
