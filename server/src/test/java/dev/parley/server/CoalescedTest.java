package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void callersAskingWhileACallRunsShareItsResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Coalesced<Integer> call = new Coalesced<>(
                () -> {
                    int run = runs.incrementAndGet();
                    await(release);
                    return run;
                },
                executor);

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(call.get());
        }
        release.countDown();

        for (CompletableFuture<Integer> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(runs).hasValue(1);
        assertThat(call.get().get(5, TimeUnit.SECONDS))
                .as("a caller after the call ended starts another")
                .isEqualTo(2);
    }

    @Test
    void aFailingCallFailsItsCallersAndTheNextCallRunsAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Coalesced<String> call = new Coalesced<>(
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("store gone");
                    }
                    return "back";
                },
                executor);

        assertThat(call.get()).failsWithin(Duration.ofSeconds(5));
        assertThat(call.get().get(5, TimeUnit.SECONDS)).isEqualTo("back");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
