package dev.parley.client.core;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.cap.Capability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CAP negotiation at registration (CAP LS 302, REQ what we want of what is offered, END). Owned by
 * the connection's reader thread.
 */
final class CapNegotiation {

    /** What the client asks for when offered. */
    static final Set<Capability> WANTED = EnumSet.of(
            Capability.ECHO_MESSAGE,
            Capability.SERVER_TIME,
            Capability.MESSAGE_TAGS,
            Capability.BATCH,
            Capability.CHATHISTORY,
            Capability.MULTI_PREFIX,
            Capability.CAP_NOTIFY,
            Capability.AWAY_NOTIFY,
            Capability.SEARCH,
            Capability.MULTILINE);

    private final Set<String> offered = new LinkedHashSet<>();
    private final Set<String> acked = new LinkedHashSet<>();
    private boolean ended;

    /** The lines that open negotiation; sent before PASS, NICK and USER. */
    static IrcMessage start() {
        return IrcMessage.of("CAP", "LS", "302");
    }

    /** The lines to send in reply to one CAP line. */
    List<IrcMessage> onCap(IrcMessage cap) {
        String sub = cap.param(1) == null ? "" : cap.param(1);
        List<IrcMessage> out = new ArrayList<>();
        switch (sub) {
            case "LS" -> {
                addNames(offered, cap.lastParam());
                if (!"*".equals(cap.param(2))) {
                    out.addAll(requestOrEnd());
                }
            }
            case "ACK" -> {
                addNames(acked, cap.lastParam());
                out.addAll(end());
            }
            case "NAK" -> out.addAll(end());
            default -> {}
        }
        return out;
    }

    Set<String> acked() {
        return Set.copyOf(acked);
    }

    private List<IrcMessage> requestOrEnd() {
        List<String> request = WANTED.stream()
                .map(Capability::wireName)
                .filter(offered::contains)
                .toList();
        return request.isEmpty() ? end() : List.of(IrcMessage.of("CAP", "REQ", String.join(" ", request)));
    }

    private List<IrcMessage> end() {
        if (ended) {
            return List.of();
        }
        ended = true;
        return List.of(IrcMessage.of("CAP", "END"));
    }

    /** CAP LS 302 values come as {@code name=value}; we keep the names. */
    private static void addNames(Set<String> into, String list) {
        for (String item : Optional.ofNullable(list).orElse("").split(" ")) {
            if (!item.isEmpty()) {
                int eq = item.indexOf('=');
                into.add(eq < 0 ? item : item.substring(0, eq));
            }
        }
    }
}
