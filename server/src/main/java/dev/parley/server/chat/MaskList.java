package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.Mask;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a room's mask lists (+b bans, +e ban exceptions, +I invite exceptions). Changes happen
 * under this list's lock; readers take the immutable snapshot and hold none.
 */
public final class MaskList {

    private final CaseMapping caseMapping;
    private volatile List<ListEntry> entries = List.of();

    MaskList(CaseMapping caseMapping) {
        this.caseMapping = caseMapping;
    }

    public List<ListEntry> entries() {
        return entries;
    }

    /** Adds a mask unless present or the list is full; whether it was added. */
    public synchronized boolean add(ListEntry entry, int maxEntries) {
        for (ListEntry existing : entries) {
            if (caseMapping.equal(existing.mask(), entry.mask())) {
                return false;
            }
        }
        if (entries.size() >= maxEntries) {
            return false;
        }
        List<ListEntry> next = new ArrayList<>(entries);
        next.add(entry);
        entries = List.copyOf(next);
        return true;
    }

    public synchronized boolean remove(String mask) {
        List<ListEntry> next = new ArrayList<>(entries);
        boolean removed = next.removeIf(entry -> caseMapping.equal(entry.mask(), mask));
        entries = List.copyOf(next);
        return removed;
    }

    /** Whether a plain mask matches the user's {@code nick!user@host}, or an {@code a:} mask its account. */
    public boolean matches(ChatUser user) {
        for (ListEntry entry : entries) {
            String mask = entry.mask();
            boolean hit = switch (ExtBan.kindOf(mask)) {
                case HOSTMASK -> Mask.of(mask, caseMapping).matches(user.source());
                case ACCOUNT ->
                    user.account() != null
                            && Mask.of(ExtBan.argument(mask), caseMapping).matches(user.account());
                case MUTE -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code m:} mask matches the user's {@code nick!user@host}. */
    public boolean mutes(ChatUser user) {
        for (ListEntry entry : entries) {
            String mask = entry.mask();
            if (ExtBan.kindOf(mask) == ExtBan.Kind.MUTE
                    && Mask.of(ExtBan.argument(mask), caseMapping).matches(user.source())) {
                return true;
            }
        }
        return false;
    }
}
