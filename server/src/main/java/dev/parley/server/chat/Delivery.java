package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.StoredMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one way traffic reaches users. A user's message is stamped here once (msgid, server time),
 * fanned out to its local recipients and handed to history; events (JOIN, QUIT, MODE...) are fanned
 * out here too. Commands decide what to say and to whom, never how it goes out: this is the single
 * place a cluster bus will publish to and receive from.
 */
public final class Delivery implements Room.Stamping, Outgoing.Route {

    private final Clock clock;
    private final MsgIds msgIds;
    private final MessageSink history;
    private final boolean keepsHistory;
    private final boolean storesFirst;
    private final CaseMapping names;
    private final ChatMetrics metrics;
    private final RoomBus bus;

    /**
     * @param keepsHistory whether messages are stored at all
     * @param storesFirst {@code history.durability: sync}: a message is delivered once it is stored
     */
    public Delivery(
            Clock clock,
            MsgIds msgIds,
            MessageSink history,
            boolean keepsHistory,
            boolean storesFirst,
            CaseMapping names,
            ChatMetrics metrics) {
        this(clock, msgIds, history, keepsHistory, storesFirst, names, metrics, null);
    }

    /**
     * A cluster node's delivery: room messages go through {@code bus} (null: a single node, which
     * fans out at once).
     */
    public Delivery(
            Clock clock,
            MsgIds msgIds,
            MessageSink history,
            boolean keepsHistory,
            boolean storesFirst,
            CaseMapping names,
            ChatMetrics metrics,
            RoomBus bus) {
        this.bus = bus;
        this.clock = clock;
        this.msgIds = msgIds;
        this.history = history;
        this.keepsHistory = keepsHistory;
        this.storesFirst = storesFirst;
        this.names = names;
        this.metrics = metrics;
    }

    /** A fresh msgid and server time, for an event that carries its own (REDACT). */
    public Stamp stamp() {
        return new Stamp(clock.instant(), msgIds.next());
    }

    /**
     * Stamps a user's message to a room that {@link Room#post} accepted, for {@code recipients}; with
     * a {@code statusPrefix} ('@' or '+', else '\0') it goes to the room's operators or voiced members
     * and is not stored.
     */
    @Override
    public Outgoing stampForRoom(
            ChatMessage message, String roomName, String roomKey, char statusPrefix, List<ChatUser> recipients) {
        Stamp stamp = stamp();
        String wireTarget = statusPrefix == '\0' ? roomName : statusPrefix + roomName;
        if (message.isTagsOnly()) {
            recipients.removeIf(user -> !user.caps().has(Capability.MESSAGE_TAGS));
        }
        StoredMessage stored = statusPrefix == '\0' ? stored(message, stamp, roomKey, roomName) : null;
        return new Outgoing(
                this, line(message, stamp, wireTarget), message.multiline(), recipients, stored, roomKey, statusPrefix);
    }

    /** A user's private message to another user, stored under the pair's history key. */
    public PostResult post(ChatMessage message, ChatUser recipient) {
        Stamp stamp = stamp();
        ChatUser sender = message.sender();
        List<ChatUser> recipients = new ArrayList<>(1);
        if (!message.isTagsOnly() || recipient.caps().has(Capability.MESSAGE_TAGS)) {
            recipients.add(recipient);
        }
        String key = HistoryKeys.direct(HistoryKeys.identity(names, sender), HistoryKeys.identity(names, recipient));
        StoredMessage stored = stored(message, stamp, key, recipient.nick());
        return new PostResult.Posted(
                new Outgoing(this, line(message, stamp, recipient.nick()), message.multiline(), recipients, stored));
    }

    /**
     * A user's private message to {@code nick}, held by a user on another cluster node: stamped here,
     * sent to that node, which delivers and stores it. The line, for the sender's echo.
     */
    public IrcMessage postElsewhere(ChatMessage message, String nick, String node) {
        IrcMessage line = line(message, stamp(), nick);
        bus.toUser(node, nick, line, message.multiline(), HistoryKeys.identity(names, message.sender()));
        return line;
    }

    /** A private message from a user on another node to {@code recipient}, here: delivered and stored. */
    public void deliverFromElsewhere(
            IrcMessage line, MultilineText multiline, ChatUser recipient, String senderIdentity) {
        boolean tagsOnly = line.command().equals("TAGMSG");
        if (keepsHistory && (!tagsOnly || ChatMessage.keepsTagsOnly(line.tags()))) {
            history.offer(storedFrom(line, multiline, recipient, senderIdentity));
        }
        if (!tagsOnly || recipient.caps().has(Capability.MESSAGE_TAGS)) {
            if (multiline == null) {
                Fanout.sendTo(recipient, line);
            } else {
                Fanout.sendComposed(line, multiline, List.of(recipient));
            }
            metrics.deliveredDirect();
        }
    }

    private StoredMessage storedFrom(
            IrcMessage line, MultilineText multiline, ChatUser recipient, String senderIdentity) {
        String source = line.source();
        int bang = source.indexOf('!');
        return new StoredMessage(
                line.tag("msgid"),
                ServerTime.parse(line.tag("time")).orElseGet(clock::instant),
                HistoryKeys.direct(senderIdentity, HistoryKeys.identity(names, recipient)),
                line.params().get(0),
                bang < 0 ? source : source.substring(0, bang),
                source,
                line.tag("account"),
                senderIdentity,
                line.command(),
                line.command().equals("TAGMSG") ? "" : line.lastParam(),
                withConcat(Stamp.clientOnly(line.tags()), multiline));
    }

    /** The tags history keeps, with where a multi-line message's continuation lines start. */
    private static Map<String, String> withConcat(Map<String, String> tags, MultilineText multiline) {
        String concat = multiline == null ? "" : multiline.concatOffsets();
        if (concat.isEmpty()) {
            return tags;
        }
        Map<String, String> kept = new java.util.LinkedHashMap<>(tags);
        kept.put(MultilineText.STORED_CONCAT_TAG, concat);
        return kept;
    }

    /**
     * A user's topic change, to the room's members but the setter: stamped (msgid, server time) and
     * kept in history, which replays it to clients with {@code draft/event-playback}. The line, for
     * the setter's echo.
     */
    public IrcMessage topicChange(ChatUser setter, Room room, String text) {
        Stamp stamp = stamp();
        IrcMessage line = new IrcMessage(
                stamp.tags(setter.account(), false, Map.of()), setter.source(), "TOPIC", List.of(room.name(), text));
        if (keepsHistory) {
            history.offer(new StoredMessage(
                    stamp.msgid(),
                    stamp.time(),
                    room.key(),
                    room.name(),
                    setter.nick(),
                    setter.source(),
                    setter.account(),
                    HistoryKeys.identity(names, setter),
                    "TOPIC",
                    text,
                    Map.of()));
        }
        toRoom(line, room, setter);
        return line;
    }

    /** An event (JOIN, QUIT, NICK, AWAY...) to these users. */
    public void send(IrcMessage event, Collection<? extends ChatUser> recipients) {
        Fanout.send(event, recipients);
    }

    /** An event to every member of the room but {@code except} (the one who caused it, or null). */
    public void toRoom(IrcMessage event, Room room, ChatUser except) {
        send(event, room.members().keySet(), except);
    }

    /**
     * An event to these users but {@code except}, the connection that caused it and hears of it in
     * its replies. When that connection is one device of an account present on several, the
     * account's other devices among the witnesses still get it: they must see what it did.
     */
    public void send(IrcMessage event, Collection<? extends ChatUser> witnesses, ChatUser except) {
        ChatUser actor = except == null ? null : except.actor();
        List<ChatUser> recipients = new ArrayList<>(witnesses.size());
        boolean actorWitnesses = false;
        for (ChatUser witness : witnesses) {
            if (witness == actor) {
                actorWitnesses = true;
            } else {
                recipients.add(witness);
            }
        }
        if (actorWitnesses && actor != except) {
            recipients.addAll(otherDevices(except));
        }
        Fanout.send(event, recipients);
    }

    /** The other devices of the account {@code device} is one device of (none for a lone connection). */
    public static List<ChatUser> otherDevices(ChatUser device) {
        List<? extends ChatUser> devices = device.actor().devices();
        if (devices == null) {
            return List.of();
        }
        List<ChatUser> others = new ArrayList<>(devices.size());
        for (ChatUser other : devices) {
            if (other != device) {
                others.add(other);
            }
        }
        return others;
    }

    /** An event to one user. */
    public void toUser(ChatUser user, IrcMessage event) {
        Fanout.sendTo(user, event);
    }

    /** Events to one user, flushed once. */
    public void toUser(ChatUser user, List<IrcMessage> events) {
        Fanout.sendTo(user, events);
    }

    @Override
    public boolean storesFirst() {
        return storesFirst;
    }

    @Override
    public void store(StoredMessage message) {
        history.offer(message);
    }

    @Override
    public boolean store(StoredMessage message, Consumer<Boolean> whenStored) {
        return history.offer(message, whenStored);
    }

    @Override
    public void deliver(IrcMessage line, MultilineText multiline, List<ChatUser> recipients, boolean direct) {
        if (direct) {
            for (ChatUser recipient : recipients) {
                if (multiline == null) {
                    Fanout.sendTo(recipient, line);
                } else {
                    Fanout.sendComposed(line, multiline, List.of(recipient));
                }
                metrics.deliveredDirect();
            }
            return;
        }
        long start = System.nanoTime();
        if (multiline == null) {
            Fanout.send(line, recipients);
        } else {
            Fanout.sendComposed(line, multiline, recipients);
        }
        metrics.delivered(recipients.size(), System.nanoTime() - start);
    }

    @Override
    public boolean orders() {
        return bus != null;
    }

    @Override
    public void publish(RoomPost post) {
        bus.publish(post);
    }

    /** A room message the bus has put in order, to its recipients on this node (the node it came from). */
    public void deliverPlaced(RoomPost post) {
        deliver(post.line(), post.multiline(), post.localRecipients(), false);
        post.whenDelivered().accept(post.line());
    }

    /** A room message from another node, in order, to {@code hearers}: the room's members on this node. */
    public void deliverFromBus(IrcMessage line, MultilineText multiline, List<ChatUser> hearers) {
        if (line.command().equals("TAGMSG")) {
            hearers.removeIf(user -> !user.caps().has(Capability.MESSAGE_TAGS));
        }
        deliver(line, multiline, hearers, false);
    }

    private static IrcMessage line(ChatMessage message, Stamp stamp, String wireTarget) {
        ChatUser sender = message.sender();
        Map<String, String> tags = stamp.tags(sender.account(), sender.isBot(), message.requestTags());
        List<String> params = message.hasText() ? List.of(wireTarget, message.text()) : List.of(wireTarget);
        return new IrcMessage(tags, sender.source(), message.command(), params);
    }

    /**
     * The message as history keeps it, a kept TAGMSG with empty text; null when it is not kept (a
     * typing TAGMSG, or history off).
     */
    private StoredMessage stored(ChatMessage message, Stamp stamp, String key, String target) {
        if (!message.isKept() || !keepsHistory) {
            return null;
        }
        ChatUser sender = message.sender();
        String identity = HistoryKeys.identity(names, sender);
        return new StoredMessage(
                stamp.msgid(),
                stamp.time(),
                key,
                target,
                sender.nick(),
                sender.source(),
                sender.account(),
                identity,
                message.command(),
                message.hasText() ? message.text() : "",
                storedTags(message));
    }

    /** The client-only tags, and where a multi-line message's continuation lines start. */
    private static Map<String, String> storedTags(ChatMessage message) {
        return withConcat(Stamp.clientOnly(message.requestTags()), message.multiline());
    }
}
