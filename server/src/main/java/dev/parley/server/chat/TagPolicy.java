package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.cap.CapabilitySet;
import java.util.function.Predicate;

/**
 * Which message tags a client may see, by the capabilities it enabled. A client gets a tag only
 * when it asked for the capability that defines it; {@link #variant} reduces the caps to a small
 * number so a message is serialized once per variant, not once per recipient.
 */
public final class TagPolicy {

    static final int SERVER_TIME = 1;
    static final int MESSAGE_TAGS = 2;
    static final int ACCOUNT_TAG = 4;
    static final int BATCH = 8;
    static final int LABELED = 16;
    /** How many variants there are: every combination of the bits above. */
    public static final int VARIANTS = 32;
    /** Per variant, whether a tag key may be seen. */
    private static final Predicate<String>[] KEEP = keepers();

    private TagPolicy() {}

    /** The tag variant a client with these caps receives. */
    public static int variant(CapabilitySet caps) {
        int mask = 0;
        mask |= caps.has(Capability.SERVER_TIME) ? SERVER_TIME : 0;
        mask |= caps.has(Capability.MESSAGE_TAGS) ? MESSAGE_TAGS : 0;
        mask |= caps.has(Capability.ACCOUNT_TAG) ? ACCOUNT_TAG : 0;
        mask |= caps.has(Capability.BATCH) ? BATCH : 0;
        mask |= caps.has(Capability.LABELED_RESPONSE) ? LABELED : 0;
        return mask;
    }

    /** The line a client of this variant receives: the message serialized with only its tags. */
    public static OutboundLine render(IrcMessage message, int variant) {
        return new OutboundLine(IrcSerializer.encodeLine(message, KEEP[variant]));
    }

    private static Predicate<String>[] keepers() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array cannot be created otherwise
        Predicate<String>[] keep = new Predicate[VARIANTS];
        for (int variant = 0; variant < VARIANTS; variant++) {
            int mask = variant;
            keep[variant] = tag -> (mask & requiredFor(tag)) != 0;
        }
        return keep;
    }

    private static int requiredFor(String tag) {
        return switch (tag) {
            case "time" -> SERVER_TIME;
            case "account" -> ACCOUNT_TAG | MESSAGE_TAGS;
            case "batch", MultilineLines.CONCAT_TAG -> BATCH;
            case "label" -> LABELED;
            default -> MESSAGE_TAGS; // msgid, client-only (+) tags and any other tag
        };
    }
}
