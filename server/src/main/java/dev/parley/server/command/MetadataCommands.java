package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.chat.Metadata;
import dev.parley.server.chat.MetadataRules;
import dev.parley.server.chat.MetadataTarget;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Rooms;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.session.MetadataSubscriptions;
import dev.parley.server.session.MetadataUpdates;
import dev.parley.server.session.Replies;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IRCv3 metadata (draft/metadata-3): {@code METADATA <target> GET|LIST|SET|CLEAR|SYNC ...} on users
 * and rooms, and {@code METADATA * SUB|UNSUB|SUBS} for the keys a client follows (in
 * {@link MetadataSubscriptions}). Usable before registration on {@code *}, the client itself.
 */
public final class MetadataCommands implements CommandFamily {

    private final ServerInfo info;
    private final Rooms rooms;
    private final Nicks nicks;
    private final MetadataUpdates metadataUpdates;

    public MetadataCommands(ServerInfo info, Rooms rooms, Nicks nicks, MetadataUpdates metadataUpdates) {
        this.info = info;
        this.rooms = rooms;
        this.nicks = nicks;
        this.metadataUpdates = metadataUpdates;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.anytime("METADATA", 2, this::metadata));
    }

    void metadata(CommandContext ctx) {
        String subcommand = ctx.param(1).toUpperCase(Locale.ROOT);
        switch (subcommand) {
            case "SUB" -> MetadataSubscriptions.sub(ctx.session(), ctx.replies(), keys(ctx));
            case "UNSUB" -> MetadataSubscriptions.unsub(ctx.session(), ctx.replies(), keys(ctx));
            case "SUBS" -> MetadataSubscriptions.subs(ctx.session(), ctx.replies());
            case "GET", "LIST", "SET", "CLEAR", "SYNC" -> onTarget(ctx, subcommand);
            default -> ctx.replies().fail("METADATA", "SUBCOMMAND_INVALID", ctx.param(1), "invalid subcommand");
        }
    }

    /** The keys after {@code METADATA * SUB|UNSUB}. */
    private static List<String> keys(CommandContext ctx) {
        List<String> params = ctx.message().params();
        return params.subList(Math.min(2, params.size()), params.size());
    }

    private void onTarget(CommandContext ctx, String subcommand) {
        Session session = ctx.session();
        String name = ctx.param(0);
        if (!session.isRegistered() && !name.equals("*")) {
            ctx.replies()
                    .fail(
                            "METADATA",
                            "KEY_NO_PERMISSION",
                            name,
                            "*",
                            "before registration, only your own metadata (*) can be used");
            return;
        }
        Optional<MetadataTarget> found = MetadataTarget.find(rooms, nicks, session, name);
        if (found.isEmpty()) {
            ctx.replies().fail("METADATA", "INVALID_TARGET", name, "invalid metadata target");
            return;
        }
        MetadataTarget target = found.get();
        boolean allowed = subcommand.equals("SET") || subcommand.equals("CLEAR")
                ? target.editableBy(session)
                : target.visibleTo(session);
        if (!allowed) {
            String key = subcommand.equals("SET") && ctx.paramCount() > 2 ? ctx.param(2) : "*";
            ctx.replies().fail("METADATA", "KEY_NO_PERMISSION", target.name(), key, "permission denied");
            return;
        }
        switch (subcommand) {
            case "GET" -> get(ctx, target);
            case "LIST" -> list(ctx, target);
            case "SET" -> set(ctx, target);
            case "CLEAR" -> clear(ctx, target);
            default -> sync(ctx, target);
        }
    }

    private void get(CommandContext ctx, MetadataTarget target) {
        Replies replies = ctx.replies();
        String batch = openBatch(ctx, target);
        for (int i = 2; i < ctx.paramCount(); i++) {
            String key = ctx.param(i);
            if (!MetadataRules.isValidKey(key)) {
                replies.add(fail(replies, batch, "INVALID_KEY", key, "invalid key"));
                continue;
            }
            Optional<String> value = target.metadata().get(key);
            replies.add(
                    value.isPresent()
                            ? numeric(ctx, batch, Numeric.RPL_KEYVALUE, target.name(), key, "*", value.get())
                            : numeric(ctx, batch, Numeric.RPL_KEYNOTSET, target.name(), key, "key not set"));
        }
        closeBatch(replies, batch);
    }

    private void list(CommandContext ctx, MetadataTarget target) {
        Replies replies = ctx.replies();
        String batch = openBatch(ctx, target);
        for (Map.Entry<String, String> entry : target.metadata().entries().entrySet()) {
            replies.add(
                    numeric(ctx, batch, Numeric.RPL_KEYVALUE, target.name(), entry.getKey(), "*", entry.getValue()));
        }
        closeBatch(replies, batch);
    }

    private void set(CommandContext ctx, MetadataTarget target) {
        if (ctx.paramCount() < 3) {
            ctx.numeric(Numeric.ERR_NEEDMOREPARAMS, "METADATA", "Not enough parameters");
            return;
        }
        String key = ctx.param(2);
        if (!MetadataRules.isValidKey(key)) {
            ctx.replies().fail("METADATA", "INVALID_KEY", key, "invalid key");
            return;
        }
        String value = ctx.paramCount() > 3 ? ctx.param(3) : "";
        if (value.isEmpty()) {
            unset(ctx, target, key);
            return;
        }
        if (!MetadataRules.isValidValue(value)) {
            ctx.replies()
                    .fail(
                            "METADATA",
                            "INVALID_VALUE",
                            key,
                            "value is longer than " + MetadataRules.MAX_VALUE_BYTES + " bytes");
            return;
        }
        Metadata.Change change = target.metadata().set(key, value, MetadataRules.MAX_KEYS);
        if (change == Metadata.Change.LIMIT_REACHED) {
            ctx.replies().fail("METADATA", "LIMIT_REACHED", target.name(), "metadata limit reached");
            return;
        }
        ctx.numeric(Numeric.RPL_KEYVALUE, target.name(), key, "*", value);
        if (change != Metadata.Change.UNCHANGED) {
            metadataUpdates.changed(ctx.session(), target, key, value);
        }
    }

    private void unset(CommandContext ctx, MetadataTarget target, String key) {
        if (!target.metadata().remove(key)) {
            ctx.replies().fail("METADATA", "KEY_NOT_SET", target.name(), key, "key not set");
            return;
        }
        ctx.numeric(Numeric.RPL_KEYNOTSET, target.name(), key, "key not set");
        metadataUpdates.changed(ctx.session(), target, key, null);
    }

    private void clear(CommandContext ctx, MetadataTarget target) {
        Replies replies = ctx.replies();
        String batch = openBatch(ctx, target);
        for (String key : target.metadata().clear().keySet()) {
            replies.add(numeric(ctx, batch, Numeric.RPL_KEYNOTSET, target.name(), key, "key not set"));
            metadataUpdates.changed(ctx.session(), target, key, null);
        }
        closeBatch(replies, batch);
    }

    /** The subscribed values of the target; for a room, of its members too. */
    private void sync(CommandContext ctx, MetadataTarget target) {
        Session session = ctx.session();
        List<IrcMessage> lines = new ArrayList<>();
        if (target instanceof MetadataTarget.OfRoom ofRoom) {
            lines.addAll(MetadataUpdates.roomLines(info.name(), ofRoom.room(), session, session::subscribesTo));
        } else {
            MetadataUpdates.addLines(
                    lines, info.name(), target.name(), target.metadata().entries(), session::subscribesTo);
        }
        Replies replies = ctx.replies();
        String batch = openBatch(ctx, target);
        for (IrcMessage line : lines) {
            replies.add(inBatch(line, batch));
        }
        closeBatch(replies, batch);
    }

    /** A {@code metadata} batch for the reply (Replies leaves it out for clients without batch). */
    private static String openBatch(CommandContext ctx, MetadataTarget target) {
        return ctx.replies().startBatch("metadata", target.name());
    }

    private static void closeBatch(Replies replies, String batch) {
        replies.endBatch(batch);
    }

    private static IrcMessage inBatch(IrcMessage message, String batch) {
        return message.withTag("batch", batch);
    }

    private static IrcMessage numeric(CommandContext ctx, String batch, Numeric numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(ctx.session().nickOrStar());
        all.addAll(List.of(params));
        return inBatch(new IrcMessage(Map.of(), ctx.replies().serverName(), numeric.code(), all), batch);
    }

    private static IrcMessage fail(Replies replies, String batch, String code, String key, String description) {
        List<String> params = List.of("METADATA", code, MetadataRules.printable(key), description);
        return inBatch(new IrcMessage(Map.of(), replies.serverName(), "FAIL", params), batch);
    }
}
