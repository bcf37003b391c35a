package dev.parley.server.session;

import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.MetadataRules;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ParleyConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capabilities this server offers (CAP LS), given its configuration: what each session may
 * negotiate, so it sits beside the sessions that hold the negotiated set.
 */
public final class Caps {

    private static final Set<Capability> ALWAYS = EnumSet.of(
            Capability.ACCOUNT_NOTIFY,
            Capability.ACCOUNT_TAG,
            Capability.AWAY_NOTIFY,
            Capability.BATCH,
            Capability.CAP_NOTIFY,
            Capability.ECHO_MESSAGE,
            Capability.EXTENDED_JOIN,
            Capability.EXTENDED_MONITOR,
            Capability.INVITE_NOTIFY,
            Capability.LABELED_RESPONSE,
            Capability.MESSAGE_TAGS,
            Capability.METADATA,
            Capability.MULTI_PREFIX,
            Capability.READ_MARKER,
            Capability.SASL,
            Capability.SERVER_TIME,
            Capability.SETNAME,
            Capability.USERHOST_IN_NAMES);

    private final Set<Capability> offered;
    private final Map<Capability, String> values = new EnumMap<>(Capability.class);

    public Caps(ParleyConfig config) {
        EnumSet<Capability> set = EnumSet.copyOf(ALWAYS);
        if (config.history().enabled()) {
            set.add(Capability.CHATHISTORY);
            // Who sent a message is known from history only: without it no REDACT could be checked.
            set.add(Capability.MESSAGE_REDACTION);
            set.add(Capability.SEARCH);
        }
        values.put(Capability.SASL, SaslExchange.MECHANISMS);
        values.put(Capability.METADATA, MetadataRules.capabilityValue());
        if (!config.cluster().enabled()) {
            // The cluster's bus carries one-line messages only, so far: its clients send lines.
            set.add(Capability.MULTILINE);
            values.put(Capability.MULTILINE, config.limits().multiline().capabilityValue());
        }
        AccountsConfig.Registration registration = config.accounts().registration();
        if (registration.allowed()) {
            set.add(Capability.ACCOUNT_REGISTRATION);
            if (registration == AccountsConfig.Registration.BEFORE_CONNECT) {
                values.put(Capability.ACCOUNT_REGISTRATION, "before-connect");
            }
        }
        this.offered = set;
    }

    public boolean offers(Capability cap) {
        return offered.contains(cap);
    }

    /** The CAP LS list, names in a stable order. */
    public List<String> names() {
        return names(false);
    }

    /** The CAP LS list; with values ({@code sasl=PLAIN}) for clients that asked for CAP LS 302. */
    public List<String> names(boolean withValues) {
        List<String> names = new ArrayList<>();
        for (Capability cap : offered) {
            String value = withValues ? values.get(cap) : null;
            names.add(value == null ? cap.wireName() : cap.wireName() + "=" + value);
        }
        names.sort(String::compareTo);
        return names;
    }
}
