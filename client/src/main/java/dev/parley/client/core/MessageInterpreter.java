package dev.parley.client.core;

import dev.parley.client.core.ClientEvent.MessageReceived;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.HostMask;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns server lines into state changes and events. Pure: no I/O, no threads; the clock gives the
 * time of messages that carry no {@code time} tag. Verbs are looked up in a table; numerics are
 * {@link NumericReplies}' job.
 */
public final class MessageInterpreter {

    /** One verb's meaning. */
    interface Handler {
        void handle(Step step, IrcMessage message);
    }

    /** The interpretation being built for one line. */
    static final class Step {
        ClientState state;
        final List<ClientEvent> events = new ArrayList<>();
        final List<IrcMessage> replies = new ArrayList<>();

        Step(ClientState state) {
            this.state = state;
        }

        void tell(ClientEvent event) {
            events.add(event);
        }
    }

    private final Clock clock;
    private final Map<String, Handler> verbs = Map.ofEntries(
            Map.entry("PING", (s, m) -> s.replies.add(IrcMessage.of("PONG", m.lastParam()))),
            Map.entry("PRIVMSG", this::message),
            Map.entry("NOTICE", this::message),
            Map.entry("JOIN", MembershipChanges::join),
            Map.entry("PART", MembershipChanges::part),
            Map.entry("KICK", MembershipChanges::kick),
            Map.entry("QUIT", MembershipChanges::quit),
            Map.entry("NICK", MembershipChanges::nick),
            Map.entry("TOPIC", MembershipChanges::topic),
            Map.entry(
                    "MODE",
                    (s, m) -> s.tell(new ClientEvent.ServerInfo(
                            "MODE",
                            nickOf(m) + " sets mode "
                                    + String.join(
                                            " ",
                                            m.params().subList(1, m.params().size())) + " on " + m.param(0)))),
            Map.entry("ERROR", (s, m) -> s.tell(new ClientEvent.ServerError("ERROR", m.lastParam()))),
            Map.entry("FAIL", MessageInterpreter::fail),
            Map.entry("BATCH", this::batch));

    public MessageInterpreter(Clock clock) {
        this.clock = clock;
    }

    public Interpretation interpret(ClientState state, IrcMessage message) {
        Step step = new Step(state);
        if (isNumeric(message.command())) {
            NumericReplies.handle(step, message);
        } else {
            Handler handler = verbs.get(message.verb());
            if (handler != null) {
                handler.handle(step, message);
            }
        }
        return new Interpretation(step.state, step.events, step.replies);
    }

    private void message(Step step, IrcMessage m) {
        if (m.params().size() < 2) {
            return;
        }
        String from = nickOf(m);
        String target = m.param(0);
        boolean notice = m.verb().equals("NOTICE");
        if (isFromServer(m) || (notice && !ChannelName.looksLikeRoom(target) && step.state.nick() == null)) {
            step.tell(new ClientEvent.ServerNotice(m.lastParam()));
            return;
        }
        String text = m.lastParam();
        MessageKind kind = notice ? MessageKind.NOTICE : MessageKind.MESSAGE;
        if (text.startsWith("\u0001ACTION ") && text.endsWith("\u0001") && text.length() > 8) {
            text = text.substring(8, text.length() - 1);
            kind = MessageKind.ACTION;
        } else if (text.startsWith("\u0001")) {
            return;
        }
        MessageReceived received = new MessageReceived(
                timeOf(m), from, target, text, kind, step.state.isMe(from), ChannelName.looksLikeRoom(target));
        String batchId = m.tag("batch");
        OpenBatch batch = batchId == null ? null : step.state.batches().get(batchId);
        if (batch != null) {
            step.state = step.state.withBatch(batchId, batch.plus(received, m.hasTag(MultilineBatch.CONCAT_TAG)));
        } else {
            step.tell(received);
        }
    }

    /**
     * {@code BATCH +ref type params} opens a history, search or multi-line batch (other types are
     * not collected: their lines are told one by one); {@code BATCH -ref} closes it and tells what
     * it held. A multi-line message nested in a history or search batch joins that batch.
     */
    private void batch(Step step, IrcMessage m) {
        String ref = m.param(0);
        if (ref == null || ref.length() < 2) {
            return;
        }
        String id = ref.substring(1);
        if (ref.charAt(0) == '+') {
            OpenBatch opened = opened(step, m);
            if (opened != null) {
                step.state = step.state.withBatch(id, opened);
            }
        } else if (ref.charAt(0) == '-' && step.state.batches().containsKey(id)) {
            OpenBatch done = step.state.batches().get(id);
            step.state = step.state.withBatch(id, null);
            if (done instanceof HistoryBatch history) {
                step.tell(history.done());
            } else if (done instanceof MultilineBatch multiline) {
                MessageReceived message = multiline.message();
                OpenBatch parent =
                        multiline.parent() == null ? null : step.state.batches().get(multiline.parent());
                if (parent instanceof HistoryBatch) {
                    step.state = step.state.withBatch(multiline.parent(), parent.plus(message, false));
                } else {
                    step.tell(message);
                }
            }
        }
    }

    private OpenBatch opened(Step step, IrcMessage m) {
        String type = m.param(1) == null ? "" : m.param(1);
        return switch (type) {
            case HistoryBatch.CHATHISTORY, HistoryBatch.SEARCH -> new HistoryBatch(type, m.param(2), List.of());
            case MultilineBatch.TYPE -> {
                String target = m.param(2);
                if (target == null) {
                    yield null;
                }
                String from = nickOf(m);
                MessageReceived header = new MessageReceived(
                        timeOf(m),
                        from,
                        target,
                        "",
                        MessageKind.MESSAGE,
                        step.state.isMe(from),
                        ChannelName.looksLikeRoom(target));
                yield new MultilineBatch(m.tag("batch"), header, List.of());
            }
            default -> null;
        };
    }

    /** {@code FAIL SEARCH ...} answers a search; any other FAIL is an error like the rest. */
    private static void fail(Step step, IrcMessage m) {
        if ("SEARCH".equalsIgnoreCase(m.param(0))) {
            step.tell(new ClientEvent.SearchFailed(null, m.param(1), m.lastParam()));
        } else {
            step.tell(new ClientEvent.ServerError("FAIL", m.param(0) + ": " + m.lastParam()));
        }
    }

    private Instant timeOf(IrcMessage m) {
        String time = m.tag("time");
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                return clock.instant();
            }
        }
        return clock.instant();
    }

    static String nickOf(IrcMessage m) {
        return m.source() == null ? "" : HostMask.parse(m.source()).nick();
    }

    /** A source without {@code !user@host} that contains a dot is a server name, not a nick. */
    private static boolean isFromServer(IrcMessage m) {
        return m.source() == null || (m.source().indexOf('!') < 0 && m.source().indexOf('.') >= 0);
    }

    private static boolean isNumeric(String command) {
        return command.length() == 3
                && Character.isDigit(command.charAt(0))
                && Character.isDigit(command.charAt(1))
                && Character.isDigit(command.charAt(2));
    }
}
