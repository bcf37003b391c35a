package dev.parley.server.auth;

import static dev.parley.server.store.Messages.T0;
import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Ban;
import dev.parley.server.store.memory.InMemoryBanStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BansTest {

    private final InMemoryBanStore store = new InMemoryBanStore();
    private final HeldTasks pool = new HeldTasks();
    private final Bans bans = new Bans(store, CaseMapping.RFC1459, pool, Clock.fixed(T0, ZoneOffset.UTC));

    /** An executor that runs nothing until the test says so: shows what happens before persisting. */
    private static final class HeldTasks implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = next()) != null) {
                task.run();
            }
        }

        private synchronized Runnable next() {
            return tasks.poll();
        }
    }

    @Test
    void aRereadTakesInBansAnotherNodeStoredAndKeepsAChangeMadeHereMeanwhile() {
        Bans otherNode = new Bans(store, CaseMapping.RFC1459, Runnable::run, Clock.fixed(T0, ZoneOffset.UTC));
        otherNode.add("carol", "spam", "admin");
        List<String> told = new ArrayList<>();
        bans.onStored(() -> told.add("stored"));

        CompletionStage<Void> reread = bans.reload();
        bans.add("dave", "rude", "admin"); // here, while the reread waits for the pool
        pool.runAll();

        assertThat(reread.toCompletableFuture()).isCompleted();
        assertThat(bans.find("carol!u@host")).as("the other node's ban").isPresent();
        assertThat(bans.find("dave!u@host"))
                .as("this node's, made during the reread")
                .isPresent();
        assertThat(told).as("only this node's own change is announced").containsExactly("stored");
    }

    @Test
    void aNewBanBitesAtOnceAndIsStoredOnThePool() throws Exception {
        CompletionStage<Ban> added = bans.add("Bob", "rude", "admin");

        assertThat(bans.find("bob!u@host")).isPresent();
        assertThat(store.list()).isEmpty();

        pool.runAll();
        assertThat(added.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new Ban("Bob!*@*", "rude", "admin", T0));
        assertThat(store.list()).extracting(Ban::mask).containsExactly("Bob!*@*");
    }

    @Test
    void aNickBanMatchesThatNickOnAnyHostInAnyCaseAndNoOtherNick() {
        bans.add("bob[away]", "rude", "admin");

        assertThat(bans.find("BOB{AWAY}!x@example.org")).isPresent();
        assertThat(bans.find("bob[away]2!x@example.org")).isEmpty();
        assertThat(bans.find("alice!x@example.org")).isEmpty();
    }

    @Test
    void aHostBanMatchesEveryoneFromThatHost() {
        bans.add("*@spam.example", "spam", "admin");

        assertThat(bans.find("anyone!u@SPAM.example")).map(Ban::mask).contains("*!*@spam.example");
        assertThat(bans.find("anyone!u@ham.example")).isEmpty();
    }

    @Test
    void loadReadsTheStoredBans() {
        store.put(new Ban("carol!*@*", "spam", "admin", at(1)));
        store.put(new Ban("*!*@bad.example", "spam", "admin", at(2)));

        bans.load();

        assertThat(bans.list()).extracting(Ban::mask).containsExactly("carol!*@*", "*!*@bad.example");
        assertThat(bans.find("Carol!c@anywhere")).isPresent();
    }

    @Test
    void banningTheSameMaskAgainReplacesTheBan() {
        bans.add("bob", "first", "admin");
        bans.add("BOB!*@*", "second", "oper");
        pool.runAll();

        assertThat(bans.list()).extracting(Ban::reason).containsExactly("second");
        assertThat(store.list()).extracting(Ban::reason).containsExactly("second");
    }

    @Test
    void removeLiftsTheBanAtOnceAndSaysWhetherThereWasOne() throws Exception {
        bans.add("bob", "rude", "admin");
        pool.runAll();

        CompletionStage<Boolean> removed = bans.remove("BOB");
        CompletionStage<Boolean> unknown = bans.remove("nobody");

        assertThat(bans.find("bob!u@h")).isEmpty();
        pool.runAll();
        assertThat(removed.toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.toCompletableFuture().get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void changesReachTheStoreInTheOrderTheyWereMadeEvenOnAWidePool() throws Exception {
        ExecutorService wide = Executors.newFixedThreadPool(4);
        try {
            InMemoryBanStore target = new InMemoryBanStore();
            Bans ordered = new Bans(target, CaseMapping.RFC1459, wide);
            List<CompletableFuture<?>> changes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                changes.add(ordered.add("nick" + (i % 10), "r" + i, "admin").toCompletableFuture());
                if (i % 3 == 0) {
                    changes.add(ordered.remove("nick" + (i % 10)).toCompletableFuture());
                }
            }
            CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(target.list()).containsExactlyInAnyOrderElementsOf(ordered.list());
        } finally {
            wide.shutdownNow();
        }
    }

    @Test
    void aBanNeedsSomethingToBan() {
        assertThatThrownBy(() -> bans.add("  ", "r", "admin")).isInstanceOf(IllegalArgumentException.class);
    }
}
