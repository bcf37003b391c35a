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
import java.util.function.Supplier;

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

    /** Read at each CAP LS and REQ: a reload can open or close account registration. */
    private final Supplier<ParleyConfig> config;

    public Caps(ParleyConfig config) {
        this(() -> config);
    }

    public Caps(Supplier<ParleyConfig> config) {
        this.config = config;
    }

    /** What the configuration in force offers, with the values CAP LS 302 shows. */
    private record Offer(Set<Capability> offered, Map<Capability, String> values) {

        static Offer of(ParleyConfig config) {
            EnumSet<Capability> set = EnumSet.copyOf(ALWAYS);
            Map<Capability, String> values = new EnumMap<>(Capability.class);
            if (config.history().enabled()) {
                set.add(Capability.CHATHISTORY);
                set.add(Capability.EVENT_PLAYBACK);
                // Who sent a message is known from history only: without it no REDACT could be checked.
                set.add(Capability.MESSAGE_REDACTION);
                set.add(Capability.SEARCH);
            }
            values.put(Capability.SASL, SaslExchange.MECHANISMS);
            values.put(Capability.METADATA, MetadataRules.capabilityValue());
            set.add(Capability.MULTILINE);
            values.put(Capability.MULTILINE, config.limits().multiline().capabilityValue());
            AccountsConfig.Registration registration = config.accounts().registration();
            if (registration.allowed()) {
                set.add(Capability.ACCOUNT_REGISTRATION);
                if (registration == AccountsConfig.Registration.BEFORE_CONNECT) {
                    values.put(Capability.ACCOUNT_REGISTRATION, "before-connect");
                }
            }
            return new Offer(set, values);
        }
    }

    public boolean offers(Capability cap) {
        return Offer.of(config.get()).offered().contains(cap);
    }

    /** The CAP LS list, names in a stable order. */
    public List<String> names() {
        return names(false);
    }

    /** The CAP LS list; with values ({@code sasl=PLAIN}) for clients that asked for CAP LS 302. */
    public List<String> names(boolean withValues) {
        List<String> names = new ArrayList<>();
        Offer offer = Offer.of(config.get());
        for (Capability cap : offer.offered()) {
            String value = withValues ? offer.values().get(cap) : null;
            names.add(value == null ? cap.wireName() : cap.wireName() + "=" + value);
        }
        names.sort(String::compareTo);
        return names;
    }
}
