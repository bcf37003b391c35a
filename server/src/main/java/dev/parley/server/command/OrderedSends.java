package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.Outgoing;
import dev.parley.server.session.DeferredReply;
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
final class OrderedSends {

    /** Past the bus's gap timeout (2 s), with room for a slow Redis. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);

    private final List<Outgoing> messages = new ArrayList<>();
    private final List<Runnable> afterwards = new ArrayList<>();

    /** Holds {@code message} to be sent by {@link #sendAll}; {@code then} runs before its echo. */
    void add(Outgoing message, Runnable then) {
        messages.add(message);
        afterwards.add(then);
    }

    /** Sends the held messages; the command's replies (and echoes) go out once all are placed. */
    void sendAll(CommandContext ctx) {
        if (messages.isEmpty()) {
            return;
        }
        DeferredReply later = ctx.defer();
        AtomicReferenceArray<IrcMessage> echoes = new AtomicReferenceArray<>(messages.size());
        AtomicInteger unplaced = new AtomicInteger(messages.size());
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                later.completeWith(() -> echo(ctx, echoes));
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
        ctx.session().connection().schedule(finish, GIVE_UP_AFTER);
    }

    private void echo(CommandContext ctx, AtomicReferenceArray<IrcMessage> echoes) {
        boolean echoing = ctx.session().caps().has(Capability.ECHO_MESSAGE);
        for (int i = 0; i < echoes.length(); i++) {
            afterwards.get(i).run();
            if (echoing) {
                ctx.replies().add(echoes.get(i));
            }
        }
    }
}
