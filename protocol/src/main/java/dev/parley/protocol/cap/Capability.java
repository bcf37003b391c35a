package dev.parley.protocol.cap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The IRCv3 capabilities Parley offers, by their spec names. */
public enum Capability {
    ACCOUNT_NOTIFY("account-notify"),
    ACCOUNT_REGISTRATION("draft/account-registration"),
    ACCOUNT_TAG("account-tag"),
    AWAY_NOTIFY("away-notify"),
    BATCH("batch"),
    CAP_NOTIFY("cap-notify"),
    CHATHISTORY("draft/chathistory"),
    CHGHOST("chghost"),
    ECHO_MESSAGE("echo-message"),
    EVENT_PLAYBACK("draft/event-playback"),
    EXTENDED_JOIN("extended-join"),
    EXTENDED_MONITOR("extended-monitor"),
    INVITE_NOTIFY("invite-notify"),
    LABELED_RESPONSE("labeled-response"),
    MESSAGE_REDACTION("draft/message-redaction"),
    MESSAGE_TAGS("message-tags"),
    METADATA("draft/metadata-3"),
    MULTI_PREFIX("multi-prefix"),
    MULTILINE("draft/multiline"),
    READ_MARKER("draft/read-marker"),
    SASL("sasl"),
    SEARCH("soju.im/search"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    USERHOST_IN_NAMES("userhost-in-names");

    private static final Map<String, Capability> BY_NAME = new HashMap<>();

    static {
        for (Capability cap : values()) {
            BY_NAME.put(cap.wireName, cap);
        }
    }

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears in CAP LS / REQ / ACK. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Capability> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
