package dev.parley.protocol.cap;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** An immutable set of capabilities, as a session has enabled them. */
public final class CapabilitySet {

    public static final CapabilitySet NONE = new CapabilitySet(EnumSet.noneOf(Capability.class));

    private final EnumSet<Capability> caps;

    private CapabilitySet(EnumSet<Capability> caps) {
        this.caps = caps;
    }

    public static CapabilitySet of(Collection<Capability> caps) {
        return caps.isEmpty() ? NONE : new CapabilitySet(EnumSet.copyOf(caps));
    }

    public boolean has(Capability cap) {
        return caps.contains(cap);
    }

    public CapabilitySet with(Collection<Capability> added) {
        EnumSet<Capability> copy = EnumSet.copyOf(caps.isEmpty() ? EnumSet.noneOf(Capability.class) : caps);
        copy.addAll(added);
        return new CapabilitySet(copy);
    }

    public CapabilitySet without(Collection<Capability> removed) {
        EnumSet<Capability> copy = caps.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(caps);
        copy.removeAll(removed);
        return new CapabilitySet(copy);
    }

    public Set<Capability> asSet() {
        return caps.isEmpty() ? Set.of() : EnumSet.copyOf(caps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CapabilitySet set && set.caps.equals(caps);
    }

    @Override
    public int hashCode() {
        return caps.hashCode();
    }
}
