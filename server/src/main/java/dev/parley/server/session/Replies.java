package dev.parley.server.session;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.MultilineLines;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.TagPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replies to one command, collected by handlers and sent together by {@link #flush()}. With
 * labeled-response the whole reply carries the client's label: a single line gets the tag, several
 * are wrapped in a {@code labeled-response} batch, none becomes an {@code ACK}.
 *
 * <p>A reply uses only the capabilities the client enabled. Handlers open batches without asking
 * (history, metadata, ...); for a client without {@code batch} the BATCH lines are left out here,
 * the lines inside go out alone and {@link TagPolicy} drops their {@code batch} tag. Without
 * {@code batch} there is no labeled batch either (the labeled-response spec needs batch): a reply of
 * one line still carries the label, a longer one goes out unlabeled, an empty one is an {@code ACK}.
 */
public final class Replies {

    private final Session session;
    private final String serverName;
    private final String label;
    private final List<IrcMessage> messages = new ArrayList<>();
    private boolean deferred;
    private boolean answeredLater;

    public Replies(Session session, String serverName, String label) {
        this.session = session;
        this.serverName = serverName;
        this.label = label;
    }

    /** A numeric to the client: {@code :server CODE nick params...}. */
    public void numeric(Numeric numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(session.nickOrStar());
        all.addAll(List.of(params));
        messages.add(new IrcMessage(Map.of(), serverName, numeric.code(), writable(all)));
    }

    /** A standard-replies FAIL: {@code FAIL command code [context...] :description}. */
    public void fail(String command, String code, String... contextAndDescription) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.add(code);
        all.addAll(List.of(contextAndDescription));
        messages.add(new IrcMessage(Map.of(), serverName, "FAIL", writable(all)));
    }

    /**
     * Replies echo what the client sent (a nick, a room, a mode argument), and a client may send
     * those as a trailing parameter holding spaces or a leading ':', which the wire cannot carry
     * anywhere but last. Such a parameter is shown as {@code *}, as Ergo does, instead of making
     * the reply unwritable.
     */
    private static List<String> writable(List<String> params) {
        int last = params.size() - 1;
        for (int i = 0; i < last; i++) {
            if (IrcSerializer.needsTrailing(params.get(i))) {
                params.set(i, "*");
            }
        }
        return params;
    }

    /** A NOTICE from the server to the client. */
    public void notice(String text) {
        messages.add(IrcMessage.from(serverName, "NOTICE", session.nickOrStar(), text));
    }

    public void add(IrcMessage message) {
        messages.add(message);
    }

    /** Holds these replies, and the client's further input, until the returned handle completes. */
    public DeferredReply defer() {
        deferred = true;
        return new DeferredReply(session, this::flush);
    }

    /**
     * This command is answered by a later one (a client batch's opening line, answered when the
     * batch ends): no {@code ACK} for its label when nothing else is said now.
     */
    public void answeredLater() {
        answeredLater = true;
    }

    /** Whether a handler deferred these replies: then they go out when it completes, not at once. */
    public boolean isDeferred() {
        return deferred;
    }

    public String serverName() {
        return serverName;
    }

    /**
     * Opens a batch inside this reply; returns its reference (use it as the {@code batch} tag). For a
     * client that did not enable {@code batch} the batch is not sent; see the class comment.
     */
    public String startBatch(String type, String... params) {
        String id = session.nextBatchId();
        List<String> all = new ArrayList<>();
        all.add("+" + id);
        all.add(type);
        all.addAll(List.of(params));
        messages.add(new IrcMessage(Map.of(), serverName, "BATCH", all));
        return id;
    }

    /** A batch reference for a batch this reply writes itself (see {@link #startBatch}). */
    public String nextBatchId() {
        return session.nextBatchId();
    }

    public void endBatch(String id) {
        messages.add(IrcMessage.from(serverName, "BATCH", "-" + id));
    }

    /** Sends everything collected, labeled as the client asked, and flushes once. */
    public void flush() {
        boolean batches = session.caps().has(Capability.BATCH);
        if (!batches) {
            messages.removeIf(message -> message.verb().equals("BATCH"));
        }
        if (label == null || !session.caps().has(Capability.LABELED_RESPONSE)) {
            sendAll(messages);
        } else if (messages.isEmpty()) {
            if (!answeredLater) {
                session.sendNow(new IrcMessage(Map.of("label", label), serverName, "ACK", List.of()));
            }
        } else if (messages.size() == 1) {
            sendAll(List.of(messages.get(0).withTag("label", label)));
        } else if (batches && isOneMultilineBatch()) {
            // The multiline spec: the label goes on the opening BATCH line of the echoed message.
            messages.set(0, messages.get(0).withTag("label", label));
            sendAll(messages);
        } else if (batches) {
            sendAll(wrapInLabeledBatch());
        } else {
            sendAll(messages);
        }
        messages.clear();
    }

    private boolean isOneMultilineBatch() {
        IrcMessage first = messages.get(0);
        IrcMessage last = messages.get(messages.size() - 1);
        return first.command().equals("BATCH")
                && first.params().size() >= 2
                && first.param(1).equals(MultilineLines.BATCH_TYPE)
                && last.command().equals("BATCH")
                && last.params().equals(List.of("-" + first.param(0).substring(1)));
    }

    private List<IrcMessage> wrapInLabeledBatch() {
        String id = session.nextBatchId();
        List<IrcMessage> wrapped = new ArrayList<>(messages.size() + 2);
        wrapped.add(new IrcMessage(Map.of("label", label), serverName, "BATCH", List.of("+" + id, "labeled-response")));
        for (IrcMessage message : messages) {
            wrapped.add(message.hasTag("batch") ? message : message.withTag("batch", id));
        }
        wrapped.add(IrcMessage.from(serverName, "BATCH", "-" + id));
        return wrapped;
    }

    private void sendAll(List<IrcMessage> lines) {
        int variant = TagPolicy.variant(session.caps());
        List<OutboundLine> rendered = new ArrayList<>(lines.size());
        for (IrcMessage message : lines) {
            rendered.add(TagPolicy.render(message, variant));
        }
        session.sendReply(rendered);
    }
}
