package dev.parley.client.tui;

import static dev.parley.client.tui.RoomNames.toDisplay;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientEvent.MessageReceived;
import dev.parley.protocol.name.ChannelName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns client events into the lines the user sees, in the seed's format: {@code [general]
 * [Alice]: hello}, {@code [DM] [Alice]: hi}. Pure: the clock and zone are given, so tests pin them.
 */
public final class MessageFormatter {

    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final boolean timestamps;
    private final Clock clock;

    /** @param clock the time of lines that carry none, and the zone times are shown in */
    public MessageFormatter(boolean timestamps, Clock clock) {
        this.timestamps = timestamps;
        this.clock = clock;
    }

    public MessageFormatter(boolean timestamps) {
        this(timestamps, Clock.systemDefaultZone());
    }

    public List<DisplayLine> format(ClientEvent event) {
        if (event instanceof MessageReceived m) {
            return lines(m, one -> stamped(m.time(), message(one)));
        }
        if (event instanceof ClientEvent.HistoryReplayed h) {
            return history(h);
        }
        if (event instanceof ClientEvent.SearchResults r) {
            return searchResults(r);
        }
        if (event instanceof ClientEvent.SearchFailed f) {
            // an answer to a command, like the results' count: not stamped
            return List.of(DisplayLine.error(
                    "Search" + (f.query() == null ? "" : " for " + f.query()) + " failed: " + f.text()));
        }
        DisplayLine line = describe(event);
        return line == null ? List.of() : List.of(stamped(clock.instant(), line));
    }

    /** The one-line description of every event but messages and history; null for those not shown. */
    private DisplayLine describe(ClientEvent event) {
        if (event instanceof ClientEvent.Joined j) {
            return dim(room(j.room()) + (j.self() ? "You joined" : j.nick() + " joined"));
        } else if (event instanceof ClientEvent.Parted p) {
            return dim(room(p.room()) + (p.self() ? "You left" : p.nick() + " left") + because(p.reason()));
        } else if (event instanceof ClientEvent.Quit q) {
            return dim(q.nick() + " quit" + because(q.reason()));
        } else if (event instanceof ClientEvent.Kicked k) {
            return kicked(k);
        } else if (event instanceof ClientEvent.TopicChanged t) {
            return dim(room(t.room()) + (t.by() == null ? "Topic: " : t.by() + " set the topic: ") + t.topic());
        } else if (event instanceof ClientEvent.NickChanged n) {
            return dim(
                    n.self() ? "You are now known as " + n.newNick() : n.oldNick() + " is now known as " + n.newNick());
        } else if (event instanceof ClientEvent.MembersListed m) {
            return DisplayLine.info(
                    room(m.room()) + "Users (" + m.members().size() + "): " + String.join(" ", m.members()));
        } else if (event instanceof ClientEvent.RoomListed r) {
            return DisplayLine.info("* " + toDisplay(r.room()) + " (" + r.people()
                    + (r.people() == 1 ? " person)" : " people)") + (r.topic().isEmpty() ? "" : ": " + r.topic()));
        } else if (event instanceof ClientEvent.ServerNotice n) {
            return DisplayLine.info("[server] " + n.text());
        } else if (event instanceof ClientEvent.ServerInfo i) {
            return DisplayLine.info("* " + i.text());
        } else if (event instanceof ClientEvent.ServerError e) {
            return DisplayLine.error(Troubles.explain(e));
        } else if (event instanceof ClientEvent.Disconnected d) {
            return DisplayLine.error(
                    d.retryIn() == null
                            ? "Disconnected: " + d.reason()
                            : "Connection lost: " + d.reason() + ". Reconnecting in "
                                    + d.retryIn().toSeconds() + " s…");
        } else if (event instanceof ClientEvent.Reconnected r) {
            return DisplayLine.info("Reconnected as " + r.nick()
                    + (r.rooms().isEmpty()
                            ? ""
                            : "; rejoining "
                                    + String.join(
                                            ", ",
                                            r.rooms().stream()
                                                    .map(RoomNames::toDisplay)
                                                    .toList())));
        } else if (event instanceof ClientEvent.Welcomed w) {
            return DisplayLine.info("Connected as " + w.nick());
        }
        return null;
    }

    private static DisplayLine kicked(ClientEvent.Kicked k) {
        String why = k.reason() == null || k.reason().isEmpty() ? "" : ": " + k.reason();
        if (k.self()) {
            return DisplayLine.error(room(k.room()) + "You were kicked by " + k.by() + why);
        }
        return dim(room(k.room()) + k.nick() + " was kicked by " + k.by() + why);
    }

    private static DisplayLine message(MessageReceived m) {
        String where = m.toRoom() ? room(m.target()) : m.own() ? "[DM to " + m.target() + "] " : "[DM] ";
        Style style = styleOf(m);
        String body = switch (m.kind()) {
            case ACTION -> "* " + m.from() + " " + m.text();
            case NOTICE -> "-" + m.from() + "- " + m.text();
            case MESSAGE -> "[" + m.from() + "]: " + m.text();
        };
        return new DisplayLine(style, where + body, m.from());
    }

    private static Style styleOf(MessageReceived m) {
        return !m.toRoom() ? Style.PRIVATE : m.own() ? Style.OWN : Style.CHAT;
    }

    private List<DisplayLine> history(ClientEvent.HistoryReplayed h) {
        List<DisplayLine> lines = new ArrayList<>();
        String count = h.messages().size() + (h.messages().size() == 1 ? " message" : " messages");
        String where = historyOf(h.target());
        lines.add(DisplayLine.info(where + "History" + with(h.target()) + " (" + count + ")"));
        for (MessageReceived m : h.messages()) {
            String when = HISTORY_TIME.format(m.time().atZone(zone()));
            lines.addAll(lines(m, one -> {
                DisplayLine line = message(one);
                return new DisplayLine(line.style(), when + " " + line.text(), line.nick());
            }));
        }
        lines.add(DisplayLine.info(where + "End of history" + with(h.target())));
        return lines;
    }

    /**
     * A message as lines: the first as {@code first} makes it of the message's first line (time,
     * room, nick, then the text), each further line of a multi-line message indented to where the
     * first one's text begins.
     */
    private static List<DisplayLine> lines(MessageReceived m, Function<MessageReceived, DisplayLine> first) {
        String[] texts = m.text().split("\n", -1);
        DisplayLine head = first.apply(m.withText(texts[0]));
        List<DisplayLine> lines = new ArrayList<>(texts.length);
        lines.add(head);
        String indent = " ".repeat(Math.max(0, head.text().length() - texts[0].length()));
        for (int i = 1; i < texts.length; i++) {
            lines.add(new DisplayLine(head.style(), indent + texts[i]));
        }
        return lines;
    }

    /**
     * Search results, {@code [#room 2026-12-03 17:40] <bob> text}, then how many there were for
     * what. Each names its room (with its {@code #}) or the other side of a private conversation.
     */
    private List<DisplayLine> searchResults(ClientEvent.SearchResults r) {
        List<DisplayLine> lines = new ArrayList<>();
        for (MessageReceived m : r.messages()) {
            String where =
                    "[" + m.conversation() + " " + HISTORY_TIME.format(m.time().atZone(zone())) + "] ";
            lines.addAll(lines(m, one -> new DisplayLine(styleOf(one), where + plain(one), one.from())));
        }
        int count = r.messages().size();
        String what = r.query() == null ? "" : " for " + r.query();
        lines.add(DisplayLine.info(
                count == 0 ? "No results" + what : count + (count == 1 ? " result" : " results") + what));
        return lines;
    }

    /** A message the IRC way: {@code <nick> text}, {@code * nick does}, {@code -nick- text}. */
    private static String plain(MessageReceived m) {
        return switch (m.kind()) {
            case ACTION -> "* " + m.from() + " " + m.text();
            case NOTICE -> "-" + m.from() + "- " + m.text();
            case MESSAGE -> "<" + m.from() + "> " + m.text();
        };
    }

    /** A room's history is headed by the room; DM history by {@code [DM]} and the other's nick. */
    private static String historyOf(String target) {
        return ChannelName.looksLikeRoom(target) ? room(target) : "[DM] ";
    }

    private static String with(String target) {
        return ChannelName.looksLikeRoom(target) ? "" : " with " + target;
    }

    private DisplayLine stamped(Instant time, DisplayLine line) {
        if (!timestamps) {
            return line;
        }
        return new DisplayLine(line.style(), SHORT_TIME.format(time.atZone(zone())) + " " + line.text(), line.nick());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static String room(String wireName) {
        return "[" + toDisplay(wireName) + "] ";
    }

    private static DisplayLine dim(String text) {
        return new DisplayLine(Style.EVENT, text);
    }

    private static String because(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
