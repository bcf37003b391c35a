package dev.parley.server.store;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadMarkerStore} must do; each implementation's test extends this. Markers
 * belong to existing accounts, so each test creates them in the same database first.
 */
public abstract class ReadMarkerStoreContract {

    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    protected ReadMarkerStore store;

    /** A store on a fresh database; {@link #accounts()} then works on the same database. */
    protected abstract ReadMarkerStore newStore() throws Exception;

    protected abstract AccountStore accounts();

    protected void closeStore() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        for (String name : List.of("Alice[m]", "bob")) {
            accounts().create(new Account(name, HASH, false, at(0)));
        }
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    @Test
    void aTargetWithoutAMarkerHasNone() {
        assertThat(store.find("bob", "#room")).isEmpty();
    }

    @Test
    void theFirstMarkerIsStoredToTheMillisecond() {
        Instant time = Instant.parse("2019-01-04T14:33:26.123Z");

        assertThat(store.advance("bob", "#room", time)).isEqualTo(new MarkerUpdate(time, true));
        assertThat(store.find("bob", "#room")).contains(time);
    }

    @Test
    void aLaterTimeMovesTheMarker() {
        store.advance("bob", "#room", at(10));

        assertThat(store.advance("bob", "#room", at(20))).isEqualTo(new MarkerUpdate(at(20), true));
        assertThat(store.find("bob", "#room")).contains(at(20));
    }

    @Test
    void anEarlierOrEqualTimeLeavesTheMarkerAndAnswersWithIt() {
        store.advance("bob", "#room", at(20));

        assertThat(store.advance("bob", "#room", at(10))).isEqualTo(new MarkerUpdate(at(20), false));
        assertThat(store.advance("bob", "#room", at(20))).isEqualTo(new MarkerUpdate(at(20), false));
        assertThat(store.find("bob", "#room")).contains(at(20));
    }

    @Test
    void accountAndTargetAreComparedAfterCasefolding() {
        store.advance("ALICE{M}", "#Room[1]", at(10));

        assertThat(store.find("alice[m]", "#room{1}")).contains(at(10));
        assertThat(store.advance("Alice[m]", "#ROOM[1]", at(5))).isEqualTo(new MarkerUpdate(at(10), false));
    }

    @Test
    void markersAreKeptPerAccountAndPerTarget() {
        store.advance("bob", "#room", at(10));
        store.advance("bob", "carol", at(20));
        store.advance("alice[m]", "#room", at(30));

        assertThat(store.find("bob", "#room")).contains(at(10));
        assertThat(store.find("bob", "carol")).contains(at(20));
        assertThat(store.find("alice[m]", "#room")).contains(at(30));
        assertThat(store.find("alice[m]", "carol")).isEmpty();
    }

    @Test
    void deletingTheAccountDeletesItsMarkers() {
        store.advance("bob", "#room", at(10));
        store.advance("alice[m]", "#room", at(20));

        accounts().delete("BOB");
        accounts().create(new Account("bob", HASH, false, at(1)));

        assertThat(store.find("bob", "#room")).isEmpty();
        assertThat(store.find("alice[m]", "#room")).contains(at(20));
    }

    @Test
    void concurrentAdvancesLeaveTheLatestTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MarkerUpdate>> updates = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                long millis = (i * 7L) % 20 + 1; // 1..20 in a scrambled order
                updates.add(pool.submit(() -> store.advance("bob", "#race", at(millis))));
            }
            for (Future<MarkerUpdate> update : updates) {
                assertThat(update.get(30, TimeUnit.SECONDS).marker()).isAfterOrEqualTo(at(1));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.find("bob", "#race")).contains(at(20));
    }
}
