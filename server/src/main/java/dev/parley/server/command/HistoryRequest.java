package dev.parley.server.command;

import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.NickName;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.history.HistoryAnchor;
import dev.parley.server.session.Session;
import java.util.Optional;

/** Reads the pieces of a history request: who may read which conversation, anchors and limits. */
final class HistoryRequest {

    private final Services services;

    HistoryRequest(Services services) {
        this.services = services;
    }

    /** The history key of {@code target} for this user, or empty when they may not read it. */
    Optional<String> keyFor(Session session, String target) {
        if (ChannelName.looksLikeRoom(target)) {
            Optional<Room> room = services.rooms().find(target);
            if (room.isPresent() && (room.get().isMember(session) || session.isOperator())) {
                return Optional.of(room.get().key());
            }
            return Optional.empty();
        }
        if (!NickName.isValid(target, services.config().limits().nickLength())) {
            return Optional.empty();
        }
        return Optional.of(HistoryKeys.direct(services.nicks().caseMapping(), session.nick(), target));
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
