package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.chat.ChatMessage;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MultilineLines;
import dev.parley.server.chat.MultilineText;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Outgoing;
import dev.parley.server.chat.PostResult;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.session.Connection;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.store.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Messages between users: PRIVMSG, NOTICE and TAGMSG, to rooms and to nicks. */
public final class MessagingCommands implements CommandFamily {

    private static final int MAX_TARGETS = 4;
    private static final String STATUS_PREFIXES = "@+";

    private final Rooms rooms;
    private final Nicks nicks;
    private final Delivery delivery;
    private final ChatMetrics metrics;
    private final Clock clock;

    public MessagingCommands(Rooms rooms, Nicks nicks, Delivery delivery, ChatMetrics metrics, Clock clock) {
        this.rooms = rooms;
        this.nicks = nicks;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("PRIVMSG", 0, ctx -> send(ctx, "PRIVMSG")),
                CommandSpec.registered("NOTICE", 0, ctx -> send(ctx, "NOTICE")),
                CommandSpec.registered("TAGMSG", 1, this::tagmsg));
    }

    private void send(CommandContext ctx, String command) {
        if (ctx.paramCount() < 1 || ctx.param(0).isEmpty()) {
            ctx.numeric(Numeric.ERR_NORECIPIENT, "No recipient given (" + command + ")");
            return;
        }
        if (ctx.paramCount() < 2 || ctx.param(1).isEmpty()) {
            ctx.numeric(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        ctx.session().touchMessage(clock.millis());
        metrics.messageIn();
        List<HeldDelivery> waiting = new ArrayList<>();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, target, said(ctx, command, ctx.param(1)), waiting);
        }
        HeldDelivery.settleAll(ctx, waiting);
    }

    /** A multi-line message (a closed {@code draft/multiline} batch) to its one target. */
    void sendMultiline(CommandContext ctx, String target, ChatMessage message) {
        ctx.session().touchMessage(clock.millis());
        metrics.messageIn();
        List<HeldDelivery> waiting = new ArrayList<>();
        deliver(ctx, target, message, waiting);
        HeldDelivery.settleAll(ctx, waiting);
    }

    /** A kept TAGMSG (a reaction) waits for storage under {@code durability: sync} as a PRIVMSG does. */
    private void tagmsg(CommandContext ctx) {
        metrics.messageIn();
        List<HeldDelivery> waiting = new ArrayList<>();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, target, said(ctx, "TAGMSG", null), waiting);
        }
        HeldDelivery.settleAll(ctx, waiting);
    }

    private static List<String> targets(String param) {
        if (param.indexOf(',') < 0) {
            return param.isEmpty() ? List.of() : List.of(param);
        }
        List<String> targets = new ArrayList<>();
        for (String target : param.split(",")) {
            if (!target.isEmpty() && targets.size() < MAX_TARGETS) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Error replies, except to NOTICE: automatic replies to a NOTICE are never sent (RFC 1459). */
    private static void refuse(CommandContext ctx, String command, Numeric numeric, String... params) {
        if (!command.equals("NOTICE")) {
            ctx.numeric(numeric, params);
        }
    }

    private void deliver(CommandContext ctx, String target, ChatMessage message, List<HeldDelivery> waiting) {
        if (ChannelName.looksLikeRoom(target)) {
            toRoom(ctx, target, '\0', message, waiting);
        } else if (isStatusTarget(target)) {
            toRoom(ctx, target.substring(1), target.charAt(0), message, waiting);
        } else {
            toNick(ctx, target, message, waiting);
        }
    }

    /** STATUSMSG: {@code @#room} reaches the room's operators, {@code +#room} operators and voiced members. */
    private static boolean isStatusTarget(String target) {
        return target.length() > 2
                && STATUS_PREFIXES.indexOf(target.charAt(0)) >= 0
                && ChannelName.looksLikeRoom(target.substring(1));
    }

    private void toRoom(
            CommandContext ctx, String target, char statusPrefix, ChatMessage message, List<HeldDelivery> waiting) {
        String command = message.command();
        Optional<Room> room = rooms.find(target);
        if (room.isEmpty()) {
            refuse(ctx, command, Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
            return;
        }
        PostResult result = room.get().post(message, statusPrefix, delivery);
        if (result instanceof PostResult.Refused refused) {
            refuse(ctx, command, refused.numeric(), room.get().name(), refused.reason());
        } else if (result instanceof PostResult.Posted posted) {
            send(ctx, posted.outgoing(), waiting, () -> {});
        }
    }

    private void toNick(CommandContext ctx, String target, ChatMessage message, List<HeldDelivery> waiting) {
        String command = message.command();
        Optional<ChatUser> found = nicks.find(target);
        if (found.isEmpty()) {
            toOtherNode(ctx, target, message);
            return;
        }
        ChatUser recipient = found.get();
        PostResult result = delivery.post(message, recipient);
        if (result instanceof PostResult.Posted posted) {
            send(ctx, posted.outgoing(), waiting, () -> {
                if (command.equals("PRIVMSG") && recipient.awayMessage() != null) {
                    ctx.numeric(Numeric.RPL_AWAY, recipient.nick(), recipient.awayMessage());
                }
            });
        }
    }

    /**
     * A cluster: the nick may be held on another node, which gets the message; else there is no such
     * nick. RPL_AWAY comes from this node's view of the recipient, which it has when they share a room
     * with a user here.
     */
    private void toOtherNode(CommandContext ctx, String target, ChatMessage message) {
        String command = message.command();
        Optional<String> node = nicks.elsewhere(target);
        if (node.isEmpty()) {
            refuse(ctx, command, Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        IrcMessage line = delivery.postElsewhere(message, target, node.get());
        delivered(ctx, line, message.multiline(), () -> {});
        if (command.equals("PRIVMSG")) {
            rooms.remote()
                    .find(target)
                    .filter(member -> member.away() != null)
                    .ifPresent(member -> ctx.numeric(Numeric.RPL_AWAY, member.nick(), member.away()));
        }
    }

    private static ChatMessage said(CommandContext ctx, String command, String text) {
        return new ChatMessage(
                ctx.session().actor(), command, text, ctx.message().tags());
    }

    /**
     * Delivers now (history stores it behind), or, with {@code history.durability: sync}, leaves the
     * delivery to run once the message is stored; on a cluster node, the sender's replies (and its
     * echo) wait until the room's order placed the message and this node's members have it, so that,
     * as on one node, whatever the sender does next comes after its message, and the echo carries the
     * time every member sees. {@code then} runs after delivery, on this thread.
     */
    private static void send(CommandContext ctx, Outgoing outgoing, List<HeldDelivery> waiting, Runnable then) {
        outgoing.alsoTo(Delivery.otherDevices(ctx.session())); // what one device says, the others see
        if (outgoing.storesFirst()) {
            waiting.add(new HeldDelivery(outgoing, true, then));
        } else if (outgoing.ordersFirst()) {
            waiting.add(new HeldDelivery(outgoing, false, then));
        } else {
            outgoing.send();
            delivered(ctx, outgoing.line(), outgoing.multiline(), then);
        }
    }

    private static void delivered(CommandContext ctx, IrcMessage line, MultilineText multiline, Runnable then) {
        then.run();
        if (!ctx.session().caps().has(Capability.ECHO_MESSAGE)) {
            return;
        }
        if (multiline == null) {
            ctx.replies().add(line);
        } else {
            String batch = ctx.replies().nextBatchId();
            for (IrcMessage each : MultilineLines.asBatch(line, multiline, batch)) {
                ctx.replies().add(each);
            }
        }
    }

    /**
     * A message whose delivery, or its sender's echo, waits: with {@code history.durability: sync}
     * ({@code untilStored}) it is delivered only once stored; on a cluster node the sender's replies
     * wait for the room's order. The sender's further input waits meanwhile, so its messages stay in order; a
     * message that could not be stored is not delivered and the sender is told.
     */
    private static final class HeldDelivery {

        /** How long a cluster's room order may hold the sender before it goes on (Redis hung). */
        static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);

        private final Outgoing message;
        private final boolean untilStored;
        private final Runnable then;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean stored;
        private volatile IrcMessage delivered;

        HeldDelivery(Outgoing message, boolean untilStored, Runnable then) {
            this.message = message;
            this.untilStored = untilStored;
            this.then = then;
        }

        /** Starts every one; their replies go out together, in order, once all are settled. */
        static void settleAll(CommandContext ctx, List<HeldDelivery> waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            DeferredReply later = ctx.defer();
            AtomicInteger unsettled = new AtomicInteger(waiting.size());
            AtomicReference<Connection.Cancellable> giveUp = new AtomicReference<>();
            Runnable oneSettled = () -> {
                if (unsettled.decrementAndGet() == 0) {
                    Connection.Cancellable pending = giveUp.getAndSet(null);
                    if (pending != null) {
                        pending.cancel();
                    }
                    later.completeAfterQueued(() -> waiting.forEach(held -> held.finish(ctx)));
                }
            };
            if (waiting.stream().anyMatch(held -> !held.untilStored)) {
                giveUp.set(ctx.session()
                        .connection()
                        .schedule(
                                () -> waiting.stream()
                                        .filter(held -> !held.untilStored)
                                        .forEach(held -> held.settle(oneSettled)),
                                GIVE_UP_AFTER));
            }
            for (HeldDelivery held : waiting) {
                held.start(oneSettled);
            }
        }

        private void start(Runnable oneSettled) {
            if (untilStored) {
                boolean queued = message.store(ok -> {
                    stored = ok;
                    settle(oneSettled);
                });
                if (!queued) {
                    settle(oneSettled);
                }
            } else {
                message.send(line -> {
                    delivered = line;
                    settle(oneSettled);
                });
            }
        }

        private void settle(Runnable oneSettled) {
            if (settled.compareAndSet(false, true)) {
                oneSettled.run();
            }
        }

        private void finish(CommandContext ctx) {
            if (!untilStored) {
                delivered(ctx, delivered == null ? message.line() : delivered, message.multiline(), then);
            } else if (stored) {
                message.deliver();
                delivered(ctx, message.line(), message.multiline(), then);
            } else {
                StoredMessage m = message.stored();
                ctx.replies()
                        .fail(
                                m.command(),
                                "MESSAGE_ERROR",
                                m.target(),
                                "Not sent: the message could not be stored; try again");
            }
        }
    }
}
