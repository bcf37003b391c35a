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
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Outgoing;
import dev.parley.server.chat.PostResult;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.OrderedSends;
import dev.parley.server.store.StoredMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
        Waiting waiting = new Waiting();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, target, said(ctx, command, ctx.param(1)), waiting);
        }
        waiting.send(ctx);
    }

    /** A multi-line message (a closed {@code draft/multiline} batch) to its one target. */
    void sendMultiline(CommandContext ctx, String target, ChatMessage message) {
        ctx.session().touchMessage(clock.millis());
        metrics.messageIn();
        Waiting waiting = new Waiting();
        deliver(ctx, target, message, waiting);
        waiting.send(ctx);
    }

    /** A kept TAGMSG (a reaction) waits for storage under {@code durability: sync} as a PRIVMSG does. */
    private void tagmsg(CommandContext ctx) {
        metrics.messageIn();
        Waiting waiting = new Waiting();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, target, said(ctx, "TAGMSG", null), waiting);
        }
        waiting.send(ctx);
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

    private void deliver(CommandContext ctx, String target, ChatMessage message, Waiting waiting) {
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

    private void toRoom(CommandContext ctx, String target, char statusPrefix, ChatMessage message, Waiting waiting) {
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

    private void toNick(CommandContext ctx, String target, ChatMessage message, Waiting waiting) {
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

    /** A cluster: the nick may be held on another node, which gets the message; else there is no such nick. */
    private void toOtherNode(CommandContext ctx, String target, ChatMessage message) {
        String command = message.command();
        Optional<String> node = nicks.elsewhere(target);
        if (node.isEmpty()) {
            refuse(ctx, command, Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        IrcMessage line = delivery.postElsewhere(message, target, node.get());
        if (ctx.session().caps().has(Capability.ECHO_MESSAGE)) {
            ctx.replies().add(line);
        }
    }

    private static ChatMessage said(CommandContext ctx, String command, String text) {
        return new ChatMessage(
                ctx.session().actor(), command, text, ctx.message().tags());
    }

    /**
     * Delivers now (history stores it behind), or, with {@code history.durability: sync}, leaves the
     * delivery to run once the message is stored. {@code then} runs after delivery, on this thread.
     */
    private static void send(CommandContext ctx, Outgoing outgoing, Waiting waiting, Runnable then) {
        outgoing.alsoTo(Delivery.otherDevices(ctx.session())); // what one device says, the others see
        if (outgoing.storesFirst()) {
            waiting.stored().add(new SyncDelivery(outgoing, () -> {
                outgoing.deliver();
                delivered(ctx, outgoing, then);
            }));
        } else if (outgoing.ordered()) {
            waiting.placed().add(outgoing, then);
        } else {
            outgoing.send();
            delivered(ctx, outgoing, then);
        }
    }

    private static void delivered(CommandContext ctx, Outgoing outgoing, Runnable then) {
        then.run();
        if (!ctx.session().caps().has(Capability.ECHO_MESSAGE)) {
            return;
        }
        if (outgoing.multiline() == null) {
            ctx.replies().add(outgoing.line());
        } else {
            String batch = ctx.replies().nextBatchId();
            for (IrcMessage line : MultilineLines.asBatch(outgoing.line(), outgoing.multiline(), batch)) {
                ctx.replies().add(line);
            }
        }
    }

    /**
     * What a command's sender waits for before its next input: messages delivered once stored
     * ({@code history.durability: sync}) and, on a cluster (which refuses {@code sync}), room
     * messages until the room's order has placed them and this node's members have them.
     */
    private record Waiting(List<SyncDelivery> stored, OrderedSends placed) {

        Waiting() {
            this(new ArrayList<>(), new OrderedSends());
        }

        void send(CommandContext ctx) {
            SyncDelivery.deliverWhenStored(ctx, stored);
            placed.sendAll(ctx.session(), ctx.replies());
        }
    }

    /**
     * A message that {@code history.durability: sync} delivers only once it is stored. The sender's
     * further input waits meanwhile, so its messages stay in order; a message that could not be stored
     * is not delivered and the sender is told.
     */
    private record SyncDelivery(Outgoing message, Runnable delivery) {

        /** Queues every message for storage and runs the deliveries, in order, once all are settled. */
        static void deliverWhenStored(CommandContext ctx, List<SyncDelivery> waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            DeferredReply later = ctx.defer();
            boolean[] stored = new boolean[waiting.size()];
            AtomicInteger unsettled = new AtomicInteger(waiting.size());
            for (int i = 0; i < waiting.size(); i++) {
                int index = i;
                boolean queued = waiting.get(i).message().store(ok -> {
                    stored[index] = ok;
                    if (unsettled.decrementAndGet() == 0) {
                        later.completeWith(() -> settle(ctx, waiting, stored));
                    }
                });
                if (!queued && unsettled.decrementAndGet() == 0) {
                    later.completeWith(() -> settle(ctx, waiting, stored));
                }
            }
        }

        private static void settle(CommandContext ctx, List<SyncDelivery> waiting, boolean[] stored) {
            for (int i = 0; i < waiting.size(); i++) {
                SyncDelivery pending = waiting.get(i);
                if (stored[i]) {
                    pending.delivery().run();
                } else {
                    StoredMessage m = pending.message().stored();
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
}
