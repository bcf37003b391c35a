package dev.parley.server.command;

import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.history.HistoryAnchor;
import dev.parley.server.session.Session;
import dev.parley.server.store.Account;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads the pieces of a history request: who may read which conversation, anchors and limits. */
final class HistoryRequest {

    private final Services services;

    HistoryRequest(Services services) {
        this.services = services;
    }

    /**
     * The history key of {@code target} for this user, or empty when they may not read it. A nick
     * online is whoever holds it now; one offline is looked up as an account (off the event loop) to
     * know its identity, and a departed guest's conversations are not reachable by its nick.
     */
    CompletionStage<Optional<String>> keyFor(Session session, String target) {
        if (ChannelName.looksLikeRoom(target)) {
            Optional<Room> room = services.rooms().find(target);
            boolean allowed = room.isPresent() && (room.get().isMember(session) || session.isOperator());
            return CompletableFuture.completedFuture(allowed ? Optional.of(room.get().key()) : Optional.empty());
        }
        if (!NickName.isValid(target, services.config().limits().nickLength())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CaseMapping names = services.nicks().caseMapping();
        String me = HistoryKeys.identity(names, session);
        Optional<ChatUser> online = services.nicks().find(target);
        if (online.isPresent()) {
            return CompletableFuture.completedFuture(
                    Optional.of(HistoryKeys.direct(me, HistoryKeys.identity(names, online.get()))));
        }
        return services.accounts().find(target).thenApply(account -> Optional.of(HistoryKeys.direct(me,
                HistoryKeys.byName(names, target, account.map(Account::name).orElse(null)))));
    }

    /** {@code msgid=...} or {@code timestamp=...}; empty for anything else. */
    static Optional<HistoryAnchor> anchor(String text) {
        if (text.startsWith("msgid=") && text.length() > 6) {
            return Optional.of(new HistoryAnchor.ByMsgId(text.substring(6)));
        }
        if (text.startsWith("timestamp=")) {
            return ServerTime.parse(text.substring(10)).map(HistoryAnchor.ByTime::new);
        }
        return Optional.empty();
    }

    /** A positive limit capped at the configured page size; empty when not a positive number. */
    Optional<Integer> limit(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? Optional.of(Math.min(value, services.config().history().maxPageSize())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
