package dev.parley.server;

import dev.parley.server.chat.MessageSink;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.History;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import java.util.List;
import java.util.concurrent.Executor;

/** PLACEHOLDER until the storage work lands. */
final class Storage implements AutoCloseable {

    static Storage open(ParleyConfig config, Executor pool) {
        return new Storage();
    }

    BanStore bans() {
        return new BanStore() {
            public List<Ban> list() { return List.of(); }
            public void put(Ban ban) {}
            public boolean remove(String mask) { return false; }
        };
    }

    History history() {
        return new History() {
            public boolean enabled() { return false; }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.StoredMessage>> latest(String k, java.util.Optional<dev.parley.server.history.HistoryAnchor> a, int l) { return java.util.concurrent.CompletableFuture.completedFuture(List.of()); }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.StoredMessage>> before(String k, dev.parley.server.history.HistoryAnchor a, int l) { return latest(k, null, l); }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.StoredMessage>> after(String k, dev.parley.server.history.HistoryAnchor a, int l) { return latest(k, null, l); }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.StoredMessage>> around(String k, dev.parley.server.history.HistoryAnchor a, int l) { return latest(k, null, l); }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.StoredMessage>> between(String k, dev.parley.server.history.HistoryAnchor a, dev.parley.server.history.HistoryAnchor b, int l) { return latest(k, null, l); }
            public java.util.concurrent.CompletionStage<List<dev.parley.server.store.TargetActivity>> targets(String n, java.util.Collection<String> r, java.time.Instant f, java.time.Instant t, int l) { return java.util.concurrent.CompletableFuture.completedFuture(List.of()); }
        };
    }

    MessageSink sink() {
        return MessageSink.NONE;
    }

    @Override
    public void close() {}
}
