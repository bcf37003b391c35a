package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The password-check pool: bounded lanes refused at once, and known-good checks never wait behind guesses. */
class PasswordChecksTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final PasswordChecks checks = new PasswordChecks(1, 1, Thread::new);

    @AfterEach
    void close() {
        release.countDown();
        checks.close();
    }

    @Test
    void aFullLaneIsRefusedAtOnceWithTheBusyValue() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = checks.submit(false, () -> block(running), "busy");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> queued = checks.submit(false, () -> "second", "busy");

        assertThat(checks.submit(false, () -> "third", "busy")).isCompletedWithValue("busy");
        assertThat(checks.refusedCount()).isEqualTo(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void aKnownGoodCheckRunsWhileEveryOtherWorkerIsBusyWithAGuess() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        checks.submit(false, () -> block(running), "busy");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        checks.submit(false, () -> "queued guess", "busy");

        CompletableFuture<String> known = checks.submit(true, () -> "owner", "busy");
        assertThat(known).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("owner");
    }

    @Test
    void inlineChecksRunOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertThat(PasswordChecks.inline().submit(false, () -> Thread.currentThread() == caller, false))
                .isCompletedWithValue(true);
    }

    private String block(CountDownLatch running) {
        running.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "ran";
    }
}
