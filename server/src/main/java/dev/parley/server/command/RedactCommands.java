package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.auth.Audit;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.Stamp;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryRequest;
import dev.parley.server.history.Redaction;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import dev.parley.server.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRCv3 {@code draft/message-redaction}: {@code REDACT <target> <msgid> [:reason]}. Who sent a
 * message is known from history, so the check and the delete run off the event loop (see {@link
 * dev.parley.server.history.History#redact}); the client's further input waits for the answer. A
 * user may redact their own messages (same identity as history keys use: the account, or a guest
 * connection's own identity, so not those of an earlier guest on the nick), a room operator any
 * message in the room, a server operator any message in a room or in their own private
 * conversations. A redaction reaches the room's members, or the other side, that
 * negotiated the capability, and is echoed to the sender.
 */
public final class RedactCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(RedactCommands.class);

    private final Rooms rooms;
    private final Nicks nicks;
    private final History history;
    private final Delivery delivery;
    private final HistoryRequest request;

    public RedactCommands(Rooms rooms, Nicks nicks, History history, HistoryRequest request, Delivery delivery) {
        this.rooms = rooms;
        this.nicks = nicks;
        this.history = history;
        this.delivery = delivery;
        this.request = request;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("REDACT", 2, this::redact));
    }

    void redact(CommandContext ctx) {
        String target = ctx.param(0);
        if (ChannelName.looksLikeRoom(target)) {
            inRoom(ctx, target);
        } else {
            inPrivate(ctx, target);
        }
    }

    private void inRoom(CommandContext ctx, String target) {
        Session session = ctx.session();
        Optional<Room> room = rooms.find(target);
        if (room.isEmpty() || !(room.get().isMember(session) || session.isOperator())) {
            invalidTarget(ctx, target);
            return;
        }
        boolean anyMessage = session.isOperator()
                || room.get().status(session).map(MemberStatus::op).orElse(false);
        String roomName = room.get().name();
        var outcome = history.redact(room.get().key(), ctx.param(1), mayRedact(session, anyMessage));
        answerLater(ctx, outcome.thenApply(Optional::of), () -> relayToRoom(ctx, roomName));
    }

    /** The conversation's key as history knows it (the nick may be offline: then looked up as an account). */
    private void inPrivate(CommandContext ctx, String target) {
        Session session = ctx.session();
        Predicate<StoredMessage> allowed = mayRedact(session, session.isOperator());
        CompletionStage<Optional<Redaction>> outcome = request.keyFor(session, target)
                .thenCompose(key -> key.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<Redaction>empty())
                        : history.redact(key.get(), ctx.param(1), allowed).thenApply(Optional::of));
        answerLater(ctx, outcome, () -> relayToPeer(ctx, target));
    }

    /** Own messages by identity; every message when {@code anyMessage}. Reads only captured values. */
    private Predicate<StoredMessage> mayRedact(Session session, boolean anyMessage) {
        CaseMapping names = nicks.caseMapping();
        String me = HistoryKeys.identity(names, session);
        return message -> anyMessage || HistoryKeys.sender(names, message).equals(me);
    }

    /** Holds the client's input until the outcome is known (empty: the target is not one to redact in). */
    private void answerLater(CommandContext ctx, CompletionStage<Optional<Redaction>> outcome, Runnable relay) {
        DeferredReply later = ctx.defer();
        outcome.whenComplete((result, error) -> later.completeWith(() -> {
            if (error == null && result.isEmpty()) {
                invalidTarget(ctx, ctx.param(0));
            } else {
                answer(ctx, error == null ? result.get() : null, error, relay);
            }
        }));
    }

    /** On the session's thread: relays a redaction, or says why there was none. */
    private void answer(CommandContext ctx, Redaction result, Throwable error, Runnable relay) {
        String target = ctx.param(0);
        String msgid = ctx.param(1);
        if (error != null) {
            log.error("{} could not redact {} in {}", ctx.session(), msgid, target, error);
        }
        Redaction outcome = error != null ? Redaction.UNAVAILABLE : result;
        switch (outcome) {
            case REDACTED -> {
                Audit.LOG.info("{} redacted {} in {}", ctx.session(), msgid, target);
                relay.run();
            }
            case UNKNOWN_MSGID ->
                ctx.replies()
                        .fail("REDACT", "UNKNOWN_MSGID", target, msgid, "This message does not exist or is too old");
            case FORBIDDEN ->
                ctx.replies()
                        .fail(
                                "REDACT",
                                "REDACT_FORBIDDEN",
                                target,
                                msgid,
                                "You are not authorised to delete this message");
            case UNAVAILABLE ->
                ctx.replies()
                        .fail(
                                "REDACT",
                                "TEMPORARILY_UNAVAILABLE",
                                target,
                                msgid,
                                "History cannot be changed right now, try again later");
        }
    }

    private void relayToRoom(CommandContext ctx, String roomName) {
        IrcMessage redact = redactMessage(ctx, roomName);
        List<ChatUser> recipients = new ArrayList<>();
        rooms.find(roomName).ifPresent(room -> recipients.addAll(room.members().keySet()));
        recipients.removeIf(user -> user == ctx.session() || !user.caps().has(Capability.MESSAGE_REDACTION));
        delivery.send(redact, recipients);
        ctx.replies().add(redact);
    }

    private void relayToPeer(CommandContext ctx, String target) {
        Optional<ChatUser> peer = nicks.find(target);
        IrcMessage redact = redactMessage(ctx, peer.map(ChatUser::nick).orElse(target));
        peer.filter(user -> user != ctx.session() && user.caps().has(Capability.MESSAGE_REDACTION))
                .ifPresent(user -> delivery.toUser(user, redact));
        ctx.replies().add(redact);
    }

    /** {@code :redacter REDACT <target> <msgid> [:reason]}, with its own time and msgid like any event. */
    private IrcMessage redactMessage(CommandContext ctx, String wireTarget) {
        Session session = ctx.session();
        Stamp stamp = delivery.stamp();
        Map<String, String> tags = stamp.tags(session.account(), session.isBot(), Map.of());
        List<String> params = ctx.paramCount() > 2
                ? List.of(wireTarget, ctx.param(1), ctx.param(2))
                : List.of(wireTarget, ctx.param(1));
        return new IrcMessage(tags, session.source(), "REDACT", params);
    }

    private static void invalidTarget(CommandContext ctx, String target) {
        ctx.replies().fail("REDACT", "INVALID_TARGET", target, "You cannot delete messages from " + target);
    }
}
