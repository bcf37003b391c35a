package dev.parley.client.tui;

import dev.parley.client.core.ClientEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Lets one thread wait, with a deadline, for an event the reader thread tells (our JOIN confirmed). */
final class EventWaiters {

    private final Map<Predicate<ClientEvent>, CompletableFuture<ClientEvent>> waiters = new ConcurrentHashMap<>();

    /** Starts waiting for an event {@code what} accepts; call before sending what it answers. */
    CompletableFuture<ClientEvent> expect(Predicate<ClientEvent> what) {
        CompletableFuture<ClientEvent> future = new CompletableFuture<>();
        waiters.put(what, future);
        return future;
    }

    /** Completes the waits this event answers (on the reader thread). */
    void tell(ClientEvent event) {
        for (Map.Entry<Predicate<ClientEvent>, CompletableFuture<ClientEvent>> waiter :
                List.copyOf(waiters.entrySet())) {
            if (waiter.getKey().test(event)) {
                waiter.getValue().complete(event);
                waiters.remove(waiter.getKey());
            }
        }
    }

    /** True when the event came within {@code timeout}. */
    boolean await(CompletableFuture<ClientEvent> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiters.values().remove(future);
        }
    }
}
