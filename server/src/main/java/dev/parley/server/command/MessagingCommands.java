package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.ChannelName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Fanout;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Speech;
import dev.parley.server.chat.Stamp;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.session.Session;
import dev.parley.server.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages between users: PRIVMSG, NOTICE and TAGMSG, to rooms and to nicks. */
public final class MessagingCommands implements CommandFamily {

    private static final int MAX_TARGETS = 4;
    private static final String STATUS_PREFIXES = "@+";

    private final Services services;

    public MessagingCommands(Services services) {
        this.services = services;
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
        ctx.session().touchMessage(services.clock().millis());
        services.metrics().messageIn();
        List<SyncDelivery> waiting = new ArrayList<>();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, command, target, ctx.param(1), waiting);
        }
        SyncDelivery.deliverWhenStored(ctx, services.sink(), waiting);
    }

    private void tagmsg(CommandContext ctx) {
        services.metrics().messageIn();
        for (String target : targets(ctx.param(0))) {
            deliver(ctx, "TAGMSG", target, null, new ArrayList<>());
        }
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

    private void deliver(CommandContext ctx, String command, String target, String text, List<SyncDelivery> waiting) {
        if (ChannelName.looksLikeRoom(target)) {
            toRoom(ctx, command, target, '\0', text, waiting);
        } else if (isStatusTarget(target)) {
            toRoom(ctx, command, target.substring(1), target.charAt(0), text, waiting);
        } else {
            toNick(ctx, command, target, text, waiting);
        }
    }

    /** STATUSMSG: {@code @#room} reaches the room's operators, {@code +#room} operators and voiced members. */
    private static boolean isStatusTarget(String target) {
        return target.length() > 2 && STATUS_PREFIXES.indexOf(target.charAt(0)) >= 0
                && ChannelName.looksLikeRoom(target.substring(1));
    }

    private static boolean hasStatus(MemberStatus status, char prefix) {
        return status != null && (status.op() || (prefix == '+' && status.voice()));
    }

    private void toRoom(CommandContext ctx, String command, String target, char statusPrefix, String text,
            List<SyncDelivery> waiting) {
        Session sender = ctx.session();
        Optional<Room> found = services.rooms().find(target);
        if (found.isEmpty()) {
            refuse(ctx, command, Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
            return;
        }
        Room room = found.get();
        Numeric refusal = Speech.refusal(room, sender);
        if (refusal != null) {
            refuse(ctx, command, refusal, room.name(), "Cannot send to channel");
            return;
        }
        Stamp stamp = new Stamp(services.clock().instant(), services.msgIds().next());
        String wireTarget = statusPrefix == '\0' ? room.name() : statusPrefix + room.name();
        IrcMessage message = build(ctx, stamp, command, wireTarget, text);
        List<ChatUser> recipients = new ArrayList<>(room.members().keySet());
        recipients.remove(sender);
        if (command.equals("TAGMSG")) {
            recipients.removeIf(user -> !user.caps().has(Capability.MESSAGE_TAGS));
        }
        if (statusPrefix != '\0') {
            recipients.removeIf(user -> !hasStatus(room.members().get(user), statusPrefix));
        }
        StoredMessage stored = statusPrefix == '\0' ? stored(ctx, stamp, command, room.key(), room.name(), text) : null;
        send(ctx, stored, waiting, () -> {
            long start = System.nanoTime();
            Fanout.send(message, recipients);
            services.metrics().delivered(recipients.size(), System.nanoTime() - start);
            echo(ctx, message);
        });
    }

    private void toNick(CommandContext ctx, String command, String target, String text, List<SyncDelivery> waiting) {
        Session sender = ctx.session();
        Optional<ChatUser> found = services.nicks().find(target);
        if (found.isEmpty()) {
            refuse(ctx, command, Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        ChatUser recipient = found.get();
        Stamp stamp = new Stamp(services.clock().instant(), services.msgIds().next());
        IrcMessage message = build(ctx, stamp, command, recipient.nick(), text);
        StoredMessage stored = null;
        if (text != null && services.history().enabled()) {
            CaseMapping names = services.nicks().caseMapping();
            String key = HistoryKeys.direct(HistoryKeys.identity(names, sender), HistoryKeys.identity(names, recipient));
            stored = stored(ctx, stamp, command, key, recipient.nick(), text);
        }
        send(ctx, stored, waiting, () -> {
            if (!command.equals("TAGMSG") || recipient.caps().has(Capability.MESSAGE_TAGS)) {
                Fanout.sendTo(recipient, message);
                services.metrics().deliveredDirect();
            }
            if (command.equals("PRIVMSG") && recipient.awayMessage() != null) {
                ctx.numeric(Numeric.RPL_AWAY, recipient.nick(), recipient.awayMessage());
            }
            echo(ctx, message);
        });
    }

    /**
     * Delivers now and stores in the background, or, with {@code history.durability: sync}, leaves
     * the delivery to run once the message is stored.
     */
    private void send(CommandContext ctx, StoredMessage stored, List<SyncDelivery> waiting, Runnable delivery) {
        if (stored == null) {
            delivery.run();
        } else if (services.config().history().durability() == HistoryConfig.Durability.SYNC) {
            waiting.add(new SyncDelivery(stored, delivery));
        } else {
            // Queued before anyone sees it, so a REDACT from a recipient finds it behind the history barrier.
            services.sink().offer(stored);
            delivery.run();
        }
    }

    private IrcMessage build(CommandContext ctx, Stamp stamp, String command, String target, String text) {
        Session sender = ctx.session();
        Map<String, String> tags = stamp.tags(sender.account(), sender.isBot(), ctx.message().tags());
        List<String> params = text == null ? List.of(target) : List.of(target, text);
        return new IrcMessage(tags, sender.source(), command, params);
    }

    private void echo(CommandContext ctx, IrcMessage message) {
        if (ctx.session().caps().has(Capability.ECHO_MESSAGE)) {
            ctx.replies().add(message);
        }
    }

    /** The message as history keeps it; null when it is not kept (TAGMSG, or history off). */
    private StoredMessage stored(CommandContext ctx, Stamp stamp, String command, String key, String target, String text) {
        if (text == null || !services.history().enabled()) {
            return null;
        }
        Session sender = ctx.session();
        String identity = HistoryKeys.identity(services.nicks().caseMapping(), sender);
        return new StoredMessage(stamp.msgid(), stamp.time(), key, target, sender.nick(), sender.source(),
                sender.account(), identity, command, text, Stamp.clientOnly(ctx.message().tags()));
    }
}
