package dev.parley.client.core;

import dev.parley.client.core.MessageInterpreter.Step;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.HostMask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numeric replies: those that change state (welcome, ISUPPORT, topic, names) by table; the rest
 * become readable {@link ClientEvent.ServerInfo} or, from 400 up, {@link ClientEvent.ServerError}.
 */
final class NumericReplies {

    /** Numerics that are only noise in a chat window. */
    private static final Set<Numeric> QUIET = Set.of(
            Numeric.RPL_YOURHOST,
            Numeric.RPL_CREATED,
            Numeric.RPL_MYINFO,
            Numeric.RPL_LUSERCLIENT,
            Numeric.RPL_LUSEROP,
            Numeric.RPL_LUSERUNKNOWN,
            Numeric.RPL_LUSERCHANNELS,
            Numeric.RPL_LUSERME,
            Numeric.RPL_LOCALUSERS,
            Numeric.RPL_GLOBALUSERS,
            Numeric.RPL_TOPICWHOTIME,
            Numeric.RPL_CREATIONTIME,
            Numeric.RPL_ENDOFWHOIS,
            Numeric.RPL_MOTDSTART,
            Numeric.RPL_ENDOFMOTD,
            Numeric.RPL_ENDOFWHO,
            Numeric.RPL_LISTSTART,
            Numeric.RPL_WHOISHOST);

    private static final Map<String, Numeric> BY_CODE = new HashMap<>();
    private static final Map<Numeric, MessageInterpreter.Handler> HANDLERS = new HashMap<>();

    static {
        for (Numeric numeric : Numeric.values()) {
            BY_CODE.put(numeric.code(), numeric);
        }
        HANDLERS.put(Numeric.RPL_WELCOME, NumericReplies::welcome);
        HANDLERS.put(Numeric.RPL_ISUPPORT, NumericReplies::isupport);
        HANDLERS.put(Numeric.RPL_TOPIC, NumericReplies::topic);
        HANDLERS.put(Numeric.RPL_NAMREPLY, NumericReplies::names);
        HANDLERS.put(Numeric.RPL_ENDOFNAMES, NumericReplies::endOfNames);
        HANDLERS.put(
                Numeric.RPL_WHOISUSER,
                (s, m) -> info(s, m, m.param(1) + " is " + m.param(2) + "@" + m.param(3) + " (" + m.lastParam() + ")"));
        HANDLERS.put(Numeric.RPL_WHOISCHANNELS, (s, m) -> info(s, m, m.param(1) + " is in " + m.lastParam()));
        HANDLERS.put(Numeric.RPL_WHOISSERVER, (s, m) -> info(s, m, m.param(1) + " is on " + m.param(2)));
        HANDLERS.put(Numeric.RPL_LIST, NumericReplies::listed);
        HANDLERS.put(Numeric.RPL_LISTEND, (s, m) -> info(s, m, "End of the room list"));
        HANDLERS.put(Numeric.RPL_AWAY, (s, m) -> info(s, m, m.param(1) + " is away: " + m.lastParam()));
    }

    private NumericReplies() {}

    static void handle(Step step, IrcMessage m) {
        Numeric numeric = BY_CODE.get(m.command());
        MessageInterpreter.Handler handler = numeric == null ? null : HANDLERS.get(numeric);
        if (handler != null) {
            handler.handle(step, m);
        } else if (m.command().charAt(0) >= '4' && m.command().charAt(0) <= '5') {
            step.tell(new ClientEvent.ServerError(m.command(), readable(m)));
        } else if (numeric == null || !QUIET.contains(numeric)) {
            step.tell(new ClientEvent.ServerInfo(m.command(), readable(m)));
        }
    }

    /** The parameters after our nick, the last one set off with a colon: {@code bob: No such nick}. */
    static String readable(IrcMessage m) {
        List<String> params = m.params();
        if (params.size() <= 1) {
            return m.lastParam() == null ? "" : m.lastParam();
        }
        List<String> middle = params.subList(1, params.size() - 1);
        return middle.isEmpty() ? m.lastParam() : String.join(" ", middle) + ": " + m.lastParam();
    }

    private static void info(Step step, IrcMessage m, String text) {
        step.tell(new ClientEvent.ServerInfo(m.command(), text));
    }

    /** {@code 322 me #room count :topic}; a server may leave the topic out. */
    private static void listed(Step step, IrcMessage m) {
        if (m.params().size() < 3) {
            return;
        }
        int people;
        try {
            people = Integer.parseInt(m.param(2));
        } catch (NumberFormatException e) {
            people = 0;
        }
        step.tell(new ClientEvent.RoomListed(m.param(1), people, m.params().size() > 3 ? m.lastParam() : ""));
    }

    private static void welcome(Step step, IrcMessage m) {
        step.state = step.state.withNick(m.param(0));
        step.tell(new ClientEvent.Welcomed(m.param(0)));
    }

    private static void isupport(Step step, IrcMessage m) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String token : m.params().subList(1, Math.max(1, m.params().size() - 1))) {
            int eq = token.indexOf('=');
            if (!token.startsWith("-")) {
                tokens.put(eq < 0 ? token : token.substring(0, eq), eq < 0 ? "" : token.substring(eq + 1));
            }
        }
        step.state = step.state.withIsupport(tokens);
    }

    private static void topic(Step step, IrcMessage m) {
        String room = m.param(1);
        step.state.room(room).ifPresent(r -> step.state = step.state.withRoom(r.withTopic(m.lastParam())));
        step.tell(new ClientEvent.TopicChanged(room, m.lastParam(), null));
    }

    private static void names(Step step, IrcMessage m) {
        String room = m.param(2);
        step.state.room(room).ifPresent(r -> {
            List<String> pending = new ArrayList<>(r.pendingNames());
            for (String entry : m.lastParam().split(" ")) {
                if (!entry.isEmpty()) {
                    pending.add(entry);
                }
            }
            step.state = step.state.withRoom(r.withPendingNames(pending));
        });
    }

    private static void endOfNames(Step step, IrcMessage m) {
        String room = m.param(1);
        step.state.room(room).ifPresent(r -> {
            List<String> shown = r.pendingNames();
            List<String> bare = new ArrayList<>();
            for (String entry : shown) {
                bare.add(HostMask.parse(stripPrefixes(entry)).nick());
            }
            bare.sort(String.CASE_INSENSITIVE_ORDER);
            step.state = step.state.withRoom(r.withMembers(bare).withPendingNames(List.of()));
            step.tell(new ClientEvent.MembersListed(
                    r.name(), shown.stream().map(NumericReplies::withoutHost).toList()));
        });
    }

    /** {@code @alice!a@host} (userhost-in-names) shown as {@code @alice}. */
    private static String withoutHost(String entry) {
        String bare = stripPrefixes(entry);
        return entry.substring(0, entry.length() - bare.length())
                + HostMask.parse(bare).nick();
    }

    private static String stripPrefixes(String entry) {
        int i = 0;
        while (i < entry.length() && "~&@%+".indexOf(entry.charAt(i)) >= 0) {
            i++;
        }
        return entry.substring(i);
    }
}
