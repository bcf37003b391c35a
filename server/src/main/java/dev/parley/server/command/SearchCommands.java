package dev.parley.server.command;

import dev.parley.protocol.TagValues;
import dev.parley.protocol.cap.Capability;
import dev.parley.server.chat.HistoryKeys;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.ServerTime;
import dev.parley.server.config.SearchConfig;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryReplies;
import dev.parley.server.history.HistoryRequest;
import dev.parley.server.history.HistoryUnavailable;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.FloodBudget;
import dev.parley.server.session.Session;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.SearchTimedOut;
import dev.parley.server.store.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEARCH over history (IRCv3 {@code soju.im/search}): {@code SEARCH in=#room;from=nick;after=..;
 * before=..;text=words;limit=n}. A search reads only what its user may read: the rooms they are in
 * and their own private conversations (server operators: everything). Results come in a
 * {@code soju.im/search} batch, or as notices for a client without batch.
 */
public final class SearchCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(SearchCommands.class);
    private static final Set<String> ATTRIBUTES = Set.of("in", "from", "after", "before", "text", "limit");
    private static final int MAX_TEXT = 200;

    private final SearchConfig limits;
    private final Nicks nicks;
    private final History history;
    private final HistoryRequest request;
    private final Clock clock;

    public SearchCommands(SearchConfig limits, Nicks nicks, History history, HistoryRequest request, Clock clock) {
        this.limits = limits;
        this.nicks = nicks;
        this.history = history;
        this.request = request;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.registered("SEARCH", 1, this::search));
    }

    private void search(CommandContext ctx) {
        if (!history.enabled()) {
            ctx.replies().fail("SEARCH", "INTERNAL_ERROR", "History is not kept on this server");
            return;
        }
        Map<String, String> attributes = attributes(ctx.param(0));
        Optional<String> invalid = invalidAttribute(attributes);
        if (invalid.isPresent()) {
            ctx.replies().fail("SEARCH", "INVALID_PARAMS", invalid.get(), "Invalid search attribute: " + invalid.get());
            return;
        }
        long wait = budget(ctx.session()).trySpend(1, clock.millis() * 1_000_000L);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            ctx.replies().fail("SEARCH", "RATE_LIMITED", "Too many searches; try again in " + seconds + " s");
            return;
        }
        Session session = ctx.session();
        CompletionStage<Optional<SearchQuery>> query = readableIn(session, attributes.get("in"))
                .thenApply(in -> in.map(key -> query(session, attributes, key)));
        DeferredReply later = ctx.defer();
        query.thenCompose(q -> q.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<List<StoredMessage>>empty())
                        : history.search(q.get()).thenApply(Optional::of))
                .whenComplete((found, error) -> later.completeWith(() -> answer(ctx, attributes, found, error)));
    }

    private FloodBudget budget(Session session) {
        int perMinute = limits.perMinute();
        return session.commandBudgets().of("SEARCH", () -> new FloodBudget(perMinute, perMinute / 60.0));
    }

    /**
     * The history key of {@code in} if the user may read it; empty when it names nothing they may
     * read. Without {@code in}, {@code Optional.of("")}: everything they may read.
     */
    private CompletionStage<Optional<String>> readableIn(Session session, String in) {
        if (in == null) {
            return CompletableFuture.completedFuture(Optional.of(""));
        }
        return request.keyFor(session, in);
    }

    private SearchQuery query(Session session, Map<String, String> attributes, String inKey) {
        SearchQuery.Readable readable = session.isOperator()
                ? SearchQuery.Readable.all()
                : SearchQuery.Readable.of(
                        session.rooms().stream().map(Room::key).toList(),
                        HistoryKeys.identity(nicks.caseMapping(), session));
        int limit = Optional.ofNullable(attributes.get("limit"))
                .map(Integer::parseInt)
                .map(asked -> Math.min(asked, limits.maxResults()))
                .orElse(limits.maxResults());
        return new SearchQuery(
                readable,
                inKey.isEmpty() ? Optional.empty() : Optional.of(inKey),
                Optional.ofNullable(attributes.get("from")),
                time(attributes.get("after")),
                time(attributes.get("before")),
                SearchQuery.wordsOf(attributes.getOrDefault("text", "")),
                limit,
                limits.timeout());
    }

    private void answer(
            CommandContext ctx, Map<String, String> attributes, Optional<List<StoredMessage>> found, Throwable error) {
        if (error != null) {
            Throwable root =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (root instanceof SearchTimedOut) {
                ctx.replies()
                        .fail("SEARCH", "INTERNAL_ERROR", "The search took too long: narrow it (in=, from=, after=)");
            } else {
                if (!(root instanceof HistoryUnavailable)) {
                    log.error("{} SEARCH failed", ctx.session(), error); // a bug, not an outage
                }
                ctx.replies().fail("SEARCH", "INTERNAL_ERROR", "History is unavailable right now");
            }
            return;
        }
        if (found.isEmpty()) {
            String in = attributes.get("in");
            ctx.replies().fail("SEARCH", "INVALID_PARAMS", "in", "You cannot read the history of " + in);
            return;
        }
        Session session = ctx.session();
        List<StoredMessage> messages = found.get();
        if (session.caps().has(Capability.BATCH)) {
            HistoryReplies.inBatch(ctx.replies(), session.caps().has(Capability.MULTILINE), messages, "soju.im/search");
            return;
        }
        String me = session.nick();
        HistoryReplies.noticeLines(ctx.replies(), messages, m -> conversation(m, me));
        ctx.replies()
                .notice("End of search (" + messages.size() + " message" + (messages.size() == 1 ? "" : "s") + ")");
    }

    /** Where a result was said: its room, or the other side of a private conversation. */
    private static String conversation(StoredMessage message, String me) {
        if (message.isRoomMessage()) {
            return message.target();
        }
        return message.senderNick().equalsIgnoreCase(me) ? message.target() : message.senderNick();
    }

    /** {@code key=value;key=value}, values in message-tag escaping (so {@code text=a\sb} has a space). */
    static Map<String, String> attributes(String param) {
        Map<String, String> attributes = new HashMap<>();
        for (String pair : param.split(";")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : TagValues.unescape(pair.substring(eq + 1));
            attributes.putIfAbsent(key, value);
        }
        return attributes;
    }

    /** The first attribute that cannot be used; unknown attributes are ignored, as the spec allows. */
    private static Optional<String> invalidAttribute(Map<String, String> attributes) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            boolean bad = switch (key) {
                case "limit" -> !value.matches("[1-9][0-9]{0,5}");
                case "after", "before" -> time(value).isEmpty();
                case "in", "from" -> value.isEmpty() || value.indexOf(' ') >= 0;
                case "text" -> value.length() > MAX_TEXT;
                default -> false;
            };
            if (bad && ATTRIBUTES.contains(key)) {
                return Optional.of(key);
            }
        }
        if (attributes.keySet().stream().noneMatch(ATTRIBUTES::contains)) {
            return Optional.of(attributes.keySet().stream().sorted().collect(Collectors.joining(",", "", "")));
        }
        return Optional.empty();
    }

    private static Optional<Instant> time(String value) {
        return value == null ? Optional.empty() : ServerTime.parse(value);
    }
}
