package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.ChatMessage;
import dev.parley.server.chat.MultilineLines;
import dev.parley.server.config.MultilineConfig;
import dev.parley.server.session.ClientBatches;
import dev.parley.server.session.MultilineDraft;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-line messages ({@code draft/multiline}): the client opens a batch with {@code BATCH +ref
 * draft/multiline target}, sends the lines as {@code @batch=ref PRIVMSG target :line}, and closes it
 * with {@code BATCH -ref}; the message then goes out, and into history, as one message. The lines of
 * an open batch are taken here before the command table sees them ({@link #takeBatchedLine}).
 */
public final class MultilineCommands implements CommandFamily {

    private static final String CONCAT_TAG = MultilineLines.CONCAT_TAG;

    private final String serverName;
    private final MultilineConfig limits;
    private final MessagingCommands messaging;

    public MultilineCommands(String serverName, MultilineConfig limits, MessagingCommands messaging) {
        this.serverName = serverName;
        this.limits = limits;
        this.messaging = messaging;
    }

    @Override
    public List<CommandSpec> commands() {
        // Opening and closing each cost half a line: a whole multi-line message costs one.
        return List.of(CommandSpec.registered("BATCH", 1, this::batch).withFloodCost(0.5));
    }

    private void batch(CommandContext ctx) {
        String reference = ctx.param(0);
        if (reference.length() > 1 && reference.charAt(0) == '+') {
            open(ctx, reference.substring(1));
        } else if (reference.length() > 1 && reference.charAt(0) == '-') {
            close(ctx, reference.substring(1));
        } else {
            fail(ctx.replies(), invalid("A batch reference starts with + (open) or - (close)"));
        }
    }

    private void open(CommandContext ctx, String reference) {
        Session session = ctx.session();
        ClientBatches batches = session.clientBatches();
        if (ctx.paramCount() < 3 || ctx.param(2).isEmpty()) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "BATCH", "Not enough parameters");
            return;
        }
        if (!ctx.param(1).equals(MultilineLines.BATCH_TYPE)) {
            ctx.replies().fail("BATCH", "UNKNOWN_TYPE", ctx.param(1), "A client may open only draft/multiline batches");
            return;
        }
        if (!session.caps().has(Capability.BATCH) || !session.caps().has(Capability.MULTILINE)) {
            fail(ctx.replies(), invalid("Enable the batch and draft/multiline capabilities first"));
            return;
        }
        if (batches.open() != null) {
            batches.refuse(reference);
            fail(ctx.replies(), invalid("A multi-line message is already open; both are dropped"));
            return;
        }
        String label = ctx.message().tag("label");
        batches.open(new MultilineDraft(reference, ctx.param(2), clientTags(ctx.message()), label, limits));
        ctx.replies().answeredLater();
    }

    private void close(CommandContext ctx, String reference) {
        ClientBatches batches = ctx.session().clientBatches();
        MultilineDraft draft = batches.open();
        if (draft == null || !draft.reference().equals(reference)) {
            if (!batches.isRefused(reference)) {
                fail(ctx.replies(), invalid("No multi-line message " + reference + " is open"));
            }
            batches.close();
            return;
        }
        batches.close();
        Replies replies = new Replies(ctx.session(), serverName, draft.label());
        CommandContext whole = new CommandContext(ctx.session(), ctx.message(), replies);
        MultilineDraft.Failure failure = draft.problem();
        if (failure != null) {
            fail(replies, failure);
        } else {
            ChatMessage message = ChatMessage.multiline(ctx.session(), draft.text(), draft.tags());
            messaging.sendMultiline(whole, draft.target(), message);
        }
        if (!whole.isDeferred()) {
            replies.flush();
        }
    }

    /**
     * Takes a line that belongs to the client's open (or refused) multi-line batch; false for a line
     * the command table should handle. A line outside the batch while one is open ends it: the
     * spec allows only its PRIVMSG lines (PING and PONG go on, so the connection stays alive).
     */
    boolean takeBatchedLine(CommandContext ctx) {
        ClientBatches batches = ctx.session().clientBatches();
        IrcMessage line = ctx.message();
        if (!batches.active() || line.verb().equals("BATCH")) {
            return false;
        }
        String reference = line.tag("batch");
        if (reference == null) {
            if (batches.open() != null
                    && !line.verb().equals("PING")
                    && !line.verb().equals("PONG")) {
                batches.refuse();
                fail(ctx.replies(), invalid("Only the message's PRIVMSG lines may be sent while it is open"));
            }
            return false;
        }
        if (batches.isRefused(reference)) {
            return true;
        }
        MultilineDraft draft = batches.open();
        if (draft == null || !draft.reference().equals(reference)) {
            batches.refuse();
            fail(
                    ctx.replies(),
                    invalid("Line for batch " + reference + ", but batch " + openReference(draft) + " is open"));
            return true;
        }
        MultilineDraft.Failure failure = draft.add(line.verb(), line.param(0), line.param(1), line.hasTag(CONCAT_TAG));
        if (failure != null) {
            batches.refuse();
            fail(ctx.replies(), failure);
        }
        return true;
    }

    /**
     * A line of the client's open batch costs no flood budget: the message is charged once, as it
     * opens, and max-lines bounds its lines. A refused batch's lines pay as any line does, or a client
     * could send endless free lines after one refusal.
     */
    static boolean isBatchedLine(Session session, IrcMessage line) {
        String reference = line.tag("batch");
        MultilineDraft open = session.clientBatches().open();
        return reference != null && open != null && open.reference().equals(reference);
    }

    private static String openReference(MultilineDraft draft) {
        return draft == null ? "(none)" : draft.reference();
    }

    /** The message's client-only tags, which the opening BATCH line carries for it. */
    private static Map<String, String> clientTags(IrcMessage opening) {
        Map<String, String> tags = new LinkedHashMap<>();
        opening.tags().forEach((key, value) -> {
            if (key.startsWith("+")) {
                tags.put(key, value);
            }
        });
        return tags;
    }

    private static MultilineDraft.Failure invalid(String description) {
        return new MultilineDraft.Failure("MULTILINE_INVALID", List.of(), description);
    }

    private static void fail(Replies replies, MultilineDraft.Failure failure) {
        List<String> params = new ArrayList<>(failure.context());
        params.add(failure.description());
        replies.fail("BATCH", failure.code(), params.toArray(String[]::new));
    }
}
