package dev.parley.client.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Something that happened on the connection, told to the UI. Each type is small, immutable and
 * named for what happened. Events are delivered on the client's reader thread, in wire order.
 */
public sealed interface ClientEvent {

    /** Registration finished; {@code nick} is the nick the server gave us. */
    record Welcomed(String nick) implements ClientEvent {}

    /** A PRIVMSG, NOTICE or CTCP ACTION from a user, to a room or to us (or our own, echoed back). */
    record MessageReceived(
            Instant time, String from, String target, String text, MessageKind kind, boolean own, boolean toRoom)
            implements ClientEvent {

        /** The room, or for a private message the other party. */
        public String conversation() {
            return toRoom ? target : own ? target : from;
        }

        public MessageReceived withText(String value) {
            return new MessageReceived(time, from, target, value, kind, own, toRoom);
        }

        public MessageReceived withKind(MessageKind value) {
            return new MessageReceived(time, from, target, text, value, own, toRoom);
        }
    }

    record Joined(String room, String nick, boolean self) implements ClientEvent {}

    record Parted(String room, String nick, String reason, boolean self) implements ClientEvent {}

    /** Someone left the server; {@code rooms} are the rooms of ours they were in. */
    record Quit(String nick, String reason, List<String> rooms) implements ClientEvent {

        public Quit {
            rooms = List.copyOf(rooms);
        }

        public Quit(String nick, String reason) {
            this(nick, reason, List.of());
        }
    }

    record Kicked(String room, String nick, String by, String reason, boolean self) implements ClientEvent {}

    /** A topic change ({@code by} set) or the topic shown on join ({@code by} null). */
    record TopicChanged(String room, String topic, String by) implements ClientEvent {}

    /** A nick change; {@code rooms} are the rooms of ours where the one renamed is. */
    record NickChanged(String oldNick, String newNick, boolean self, List<String> rooms) implements ClientEvent {

        public NickChanged {
            rooms = List.copyOf(rooms);
        }

        public NickChanged(String oldNick, String newNick, boolean self) {
            this(oldNick, newNick, self, List.of());
        }
    }

    /** The members of a room, after a NAMES reply (also sent on join). */
    record MembersListed(String room, List<String> members) implements ClientEvent {}

    /** One room of the server's list (a LIST reply): its name, how many are in it, its topic ("" for none). */
    record RoomListed(String room, int people, String topic) implements ClientEvent {}

    /** A NOTICE from the server itself (operator command replies, plain HISTORY, server messages). */
    record ServerNotice(String text) implements ClientEvent {}

    /** An informational numeric (MOTD, WHOIS, away state, operator status): its text made readable. */
    record ServerInfo(String numeric, String text) implements ClientEvent {}

    /** An error numeric, a FAIL, or ERROR: {@code numeric} is the code ("433"), "FAIL" or "ERROR". */
    record ServerError(String numeric, String text) implements ClientEvent {}

    /** A replayed page of history (CHATHISTORY batch), in time order. */
    record HistoryReplayed(String target, List<MessageReceived> messages) implements ClientEvent {}

    /**
     * The results of a SEARCH ({@code soju.im/search} batch), in time order. {@code query} is what
     * was searched for as the user typed it; null until the UI, which asked, fills it in.
     */
    record SearchResults(String query, List<MessageReceived> messages) implements ClientEvent {

        public SearchResults {
            messages = List.copyOf(messages);
        }

        public SearchResults withQuery(String value) {
            return new SearchResults(value, messages);
        }
    }

    /** A SEARCH refused ({@code FAIL SEARCH code ... :text}); {@code query} as in {@link SearchResults}. */
    record SearchFailed(String query, String code, String text) implements ClientEvent {

        public SearchFailed withQuery(String value) {
            return new SearchFailed(value, code, text);
        }
    }

    /**
     * The connection ended without our asking (a quit of our own is not told). {@code retryIn} is
     * when the client tries again, or null when it will not (the server refused us for good).
     */
    record Disconnected(String reason, Duration retryIn) implements ClientEvent {}

    /** A new connection replaced a lost one; {@code rooms} were joined again. */
    record Reconnected(String nick, List<String> rooms) implements ClientEvent {}
}
