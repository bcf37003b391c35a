package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * On a cluster node, the room messages of one command. Each reaches this node's members once the
 * room's order has placed it (a Redis round trip); the sender's next input waits until then, as
 * its replies do, so that what it does next is answered after its message reached the room here,
 * as on a single node. Its echo ({@code echo-message}) is the message as placed: it carries the
 * server time of that place (the time the other members and history see). One deferred reply for
 * the command, its echoes in the order of its targets. A message the order never hands back (its
 * room closed on this node while it waited for a gap) lets the sender go on after
 * {@link #GIVE_UP_AFTER}, echoed with the time it was stamped with.
 */
public final class OrderedSends {

    /** Past the bus's gap timeout (2 s), with room for a slow Redis. */
    public static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);

    private final List<Outgoing> messages = new ArrayList<>();
    private final List<Runnable> afterwards = new ArrayList<>();

    /** Holds {@code message} to be sent by {@link #sendAll}; {@code then} runs before its echo. */
    public void add(Outgoing message, Runnable then) {
        messages.add(message);
        afterwards.add(then);
    }

    /** Sends the held messages; the command's replies (and echoes) go out once all are placed. */
    public void sendAll(Session session, Replies replies) {
        if (messages.isEmpty()) {
            return;
        }
        DeferredReply later = replies.defer();
        AtomicReferenceArray<IrcMessage> echoes = new AtomicReferenceArray<>(messages.size());
        AtomicInteger unplaced = new AtomicInteger(messages.size());
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                later.completeWith(() -> echo(session, replies, echoes));
            }
        };
        for (int i = 0; i < messages.size(); i++) {
            int index = i;
            echoes.set(i, messages.get(i).line());
            messages.get(i).send(line -> {
                echoes.set(index, line);
                if (unplaced.decrementAndGet() == 0) {
                    finish.run();
                }
            });
        }
        session.connection().schedule(finish, GIVE_UP_AFTER);
    }

    private void echo(Session session, Replies replies, AtomicReferenceArray<IrcMessage> echoes) {
        boolean echoing = session.caps().has(Capability.ECHO_MESSAGE);
        for (int i = 0; i < echoes.length(); i++) {
            afterwards.get(i).run();
            if (echoing) {
                replies.add(echoes.get(i));
            }
        }
    }
}
