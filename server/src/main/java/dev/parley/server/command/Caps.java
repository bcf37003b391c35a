package dev.parley.server.command;

import dev.parley.protocol.cap.Capability;
import dev.parley.server.config.ParleyConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The capabilities this server offers (CAP LS), given its configuration. */
public final class Caps {

    private static final Set<Capability> ALWAYS = EnumSet.of(
            Capability.ACCOUNT_TAG,
            Capability.AWAY_NOTIFY,
            Capability.BATCH,
            Capability.CAP_NOTIFY,
            Capability.ECHO_MESSAGE,
            Capability.EXTENDED_JOIN,
            Capability.INVITE_NOTIFY,
            Capability.LABELED_RESPONSE,
            Capability.MESSAGE_TAGS,
            Capability.MULTI_PREFIX,
            Capability.SERVER_TIME,
            Capability.SETNAME,
            Capability.USERHOST_IN_NAMES);

    private final Set<Capability> offered;

    public Caps(ParleyConfig config) {
        EnumSet<Capability> set = EnumSet.copyOf(ALWAYS);
        if (config.history().enabled()) {
            set.add(Capability.CHATHISTORY);
        }
        this.offered = set;
    }

    public boolean offers(Capability cap) {
        return offered.contains(cap);
    }

    /** The CAP LS list, names in a stable order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Capability cap : offered) {
            names.add(cap.wireName());
        }
        names.sort(String::compareTo);
        return names;
    }
}
