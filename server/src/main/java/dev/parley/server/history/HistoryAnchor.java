package dev.parley.server.history;

import java.time.Instant;

/** A point in a conversation named by a CHATHISTORY reference: {@code msgid=...} or {@code timestamp=...}. */
public sealed interface HistoryAnchor permits HistoryAnchor.ByMsgId, HistoryAnchor.ByTime {

    record ByMsgId(String msgid) implements HistoryAnchor {}

    record ByTime(Instant time) implements HistoryAnchor {}
}
