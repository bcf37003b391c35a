package dev.parley.server.store;

import java.time.Instant;
import java.util.Map;

/** Test messages with readable defaults: only what a test is about needs saying. */
public final class Messages {

    /** A fixed, millisecond-precise origin for test times. */
    public static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private Messages() {}

    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    public static StoredMessage roomMessage(String msgid, long millis, String roomKey) {
        return new StoredMessage(
                msgid,
                at(millis),
                roomKey,
                roomKey,
                "alice",
                "alice!a@host",
                null,
                "!guest-alice",
                "PRIVMSG",
                "text of " + msgid,
                Map.of());
    }

    public static StoredMessage directMessage(String msgid, long millis, String from, String to) {
        String key = DirectKey.of(dev.parley.protocol.name.CaseMapping.RFC1459, from, to)
                .historyKey();
        return new StoredMessage(
                msgid,
                at(millis),
                key,
                to,
                from,
                from + "!u@host",
                null,
                "!guest-" + from,
                "PRIVMSG",
                "text of " + msgid,
                Map.of());
    }
}
