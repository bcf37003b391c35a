package dev.parley.server.command;

import dev.parley.server.session.DeferredReply;
import dev.parley.server.chat.Outgoing;
import dev.parley.server.store.StoredMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message that {@code history.durability: sync} delivers only once it is stored. The sender's
 * further input waits meanwhile, so its messages stay in order; a message that could not be stored
 * is not delivered and the sender is told.
 */
record SyncDelivery(Outgoing message, Runnable delivery) {

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
                ctx.replies().fail(m.command(), "MESSAGE_ERROR", m.target(),
                        "Not sent: the message could not be stored; try again");
            }
        }
    }
}
