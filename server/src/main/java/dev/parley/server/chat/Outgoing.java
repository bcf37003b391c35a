package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.store.StoredMessage;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stamped user message with its recipients, ready to go out. Either {@link #send()} at once
 * (history stores it behind), or, when {@link #storesFirst()}, {@link #store} it and
 * {@link #deliver()} once stored.
 */
public final class Outgoing {

    /** Where an outgoing message is stored and delivered: implemented by {@link Delivery}. */
    public interface Route {

        /** {@code history.durability: sync}: deliver only once stored. */
        boolean storesFirst();

        void store(StoredMessage message);

        boolean store(StoredMessage message, Consumer<Boolean> whenStored);

        /** Fans out {@code line}, or, for a multi-line message ({@code multiline} not null), its lines. */
        void deliver(IrcMessage line, MultilineText multiline, List<ChatUser> recipients, boolean direct);

        /** Whether room messages go through a cluster's {@link RoomBus} to be ordered and stored. */
        boolean orders();

        /** Hands a room message to the cluster's bus, which orders, stores and delivers it. */
        void publish(RoomPost post);
    }

    private final Route delivery;
    private final IrcMessage line;
    private final MultilineText multiline;
    private final List<ChatUser> recipients;
    private final StoredMessage stored;
    private final boolean direct;
    private final String roomKey;
    private final char statusPrefix;

    /** A private message. */
    Outgoing(
            Route delivery, IrcMessage line, MultilineText multiline, List<ChatUser> recipients, StoredMessage stored) {
        this(delivery, line, multiline, recipients, stored, null, '\0');
    }

    /** A room message ({@code roomKey} set) or a private one ({@code roomKey} null). */
    Outgoing(
            Route delivery,
            IrcMessage line,
            MultilineText multiline,
            List<ChatUser> recipients,
            StoredMessage stored,
            String roomKey,
            char statusPrefix) {
        this.delivery = delivery;
        this.line = line;
        this.multiline = multiline;
        this.recipients = recipients;
        this.stored = stored;
        this.direct = roomKey == null;
        this.roomKey = roomKey;
        this.statusPrefix = statusPrefix;
    }

    /**
     * The message as its recipients (and an echo-message sender) see it; for a multi-line message,
     * its tags, source, verb and target, with the combined text that no single line can carry: send
     * {@link #multiline()}'s lines instead ({@link MultilineLines}).
     */
    public IrcMessage line() {
        return line;
    }

    /** The lines of a multi-line message; null for a message of one line. */
    public MultilineText multiline() {
        return multiline;
    }

    /** The message as history keeps it; null when it is not kept (a typing TAGMSG, STATUSMSG, history off). */
    public StoredMessage stored() {
        return stored;
    }

    /** Whether {@code history.durability: sync} holds it back until it is stored. */
    public boolean storesFirst() {
        return stored != null && delivery.storesFirst();
    }

    /**
     * Hands it to history, then delivers it: recipients never see a message that REDACT cannot find.
     * On a cluster node a room message goes to the bus instead, which does both once it is ordered.
     */
    public void send() {
        send(delivered -> {});
    }

    /**
     * Like {@link #send()}; {@code whenDelivered} is told the line as it went out: on a cluster node,
     * a room message once the room's order placed it (with that place's time), later, on another
     * thread; else at once.
     */
    public void send(Consumer<IrcMessage> whenDelivered) {
        if (ordersFirst()) {
            delivery.publish(
                    new RoomPost(roomKey, statusPrefix, line, multiline, stored, recipients, 0, whenDelivered));
            return;
        }
        if (stored != null) {
            delivery.store(stored);
        }
        deliver();
        whenDelivered.accept(line);
    }

    /** Whether it is a room message on a cluster node, delivered only once the room's order placed it. */
    public boolean ordersFirst() {
        return !direct && delivery.orders();
    }

    /** Queues it for storage; {@code whenStored} runs once it is durable (true) or lost (false). */
    public boolean store(Consumer<Boolean> whenStored) {
        return delivery.store(stored, whenStored);
    }

    /**
     * Adds recipients: the sender's other devices, which see what it said as {@code echo-message}
     * shows the sender. A message of tags only reaches those that enabled {@code message-tags}.
     */
    public void alsoTo(List<ChatUser> more) {
        boolean tagsOnly = line.command().equals("TAGMSG");
        for (ChatUser user : more) {
            if (!tagsOnly || user.caps().has(Capability.MESSAGE_TAGS)) {
                recipients.add(user);
            }
        }
    }

    /** Fans it out to its recipients. */
    public void deliver() {
        delivery.deliver(line, multiline, recipients, direct);
    }
}
