package dev.parley.server.history;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.NickName;
import dev.parley.server.auth.Accounts;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.session.Session;
import dev.parley.server.store.Account;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads the pieces of a history request: who may read which conversation, anchors and limits. */
public final class HistoryRequest {

    private final Rooms rooms;
    private final Nicks nicks;
    private final Accounts accounts;
    private final LimitsConfig limits;
    private final HistoryConfig config;

    public HistoryRequest(Rooms rooms, Nicks nicks, Accounts accounts, LimitsConfig limits, HistoryConfig config) {
        this.rooms = rooms;
        this.nicks = nicks;
        this.accounts = accounts;
        this.limits = limits;
        this.config = config;
    }

    /**
     * The history key of {@code target} for this user, or empty when they may not read it. A nick
     * online is whoever holds it now; one offline is looked up as an account (off the event loop) to
     * know its identity, and a departed guest's conversations are not reachable by its nick.
     */
    public CompletionStage<Optional<String>> keyFor(Session session, String target) {
        if (ChannelName.looksLikeRoom(target)) {
            Optional<Room> room = rooms.find(target);
            boolean allowed = room.isPresent() && (room.get().isMember(session) || session.isOperator());
            return CompletableFuture.completedFuture(
                    allowed ? Optional.of(room.get().key()) : Optional.empty());
        }
        if (!NickName.isValid(target, limits.nickLength())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CaseMapping names = nicks.caseMapping();
        String me = HistoryKeys.identity(names, session);
        Optional<ChatUser> online = nicks.find(target);
        if (online.isPresent()) {
            return CompletableFuture.completedFuture(
                    Optional.of(HistoryKeys.direct(me, HistoryKeys.identity(names, online.get()))));
        }
        return accounts.find(target)
                .thenApply(account -> Optional.of(HistoryKeys.direct(
                        me,
                        HistoryKeys.byName(
                                names, target, account.map(Account::name).orElse(null)))));
    }

    /** {@code msgid=...} or {@code timestamp=...}; empty for anything else. */
    public static Optional<HistoryAnchor> anchor(String text) {
        if (text.startsWith("msgid=") && text.length() > 6) {
            return Optional.of(new HistoryAnchor.ByMsgId(text.substring(6)));
        }
        if (text.startsWith("timestamp=")) {
            return ServerTime.parse(text.substring(10)).map(HistoryAnchor.ByTime::new);
        }
        return Optional.empty();
    }

    /** A positive limit capped at the configured page size; empty when not a positive number. */
    public Optional<Integer> limit(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? Optional.of(Math.min(value, config.maxPageSize())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
