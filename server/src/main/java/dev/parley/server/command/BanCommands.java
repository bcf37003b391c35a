package dev.parley.server.command;

import dev.parley.protocol.name.Mask;
import dev.parley.server.auth.Audit;
import dev.parley.server.auth.Bans;
import dev.parley.server.login.ServerBan;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Session;
import dev.parley.server.store.Ban;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server bans, for operators: BAN (and the expulsion of everyone it matches, through
 * {@link ServerBan}, the path the admin console shares), UNBAN, BANS.
 */
public final class BanCommands implements CommandFamily {

    private static final Logger log = LoggerFactory.getLogger(BanCommands.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Bans bans;
    private final ServerBan serverBan;

    public BanCommands(Bans bans, ServerBan serverBan) {
        this.bans = bans;
        this.serverBan = serverBan;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.operator("BAN", 1, this::ban),
                CommandSpec.operator("UNBAN", 1, this::unban),
                CommandSpec.operator("BANS", 0, this::bans));
    }

    /** BAN nick-or-mask [:reason]: see {@link ServerBan#impose} for what is banned and who leaves. */
    void ban(CommandContext ctx) {
        Session oper = ctx.session();
        String reason = ctx.paramCount() > 1 && !ctx.param(1).isEmpty() ? ctx.param(1) : "Banned by an operator";
        ServerBan.Imposed imposed = serverBan.impose(ctx.param(0), reason, oper.nick(), oper);
        String mask = imposed.ban().mask();
        String also = imposed.ban().identities();
        Audit.LOG.info("{} banned {} {} ({}); {} disconnected", oper, mask, also, reason, imposed.disconnected());
        ctx.replies()
                .notice("Banned " + mask + (also.isEmpty() ? "" : " (" + also + ")") + " (" + reason
                        + "); disconnected " + imposed.disconnected() + " user(s)");
    }

    void unban(CommandContext ctx) {
        String mask = Mask.normalize(ctx.param(0));
        DeferredReply later = ctx.defer();
        bans.remove(mask)
                .whenComplete((removed, error) -> later.completeWith(() -> {
                    if (error != null) {
                        ctx.replies()
                                .notice("Could not lift the ban on " + mask + ": storage error (see the server log)");
                        log.error("{} could not remove ban {}", ctx.session(), mask, error);
                    } else if (Boolean.TRUE.equals(removed)) {
                        Audit.LOG.info("{} lifted ban {}", ctx.session(), mask);
                        ctx.replies().notice("Ban on " + mask + " lifted");
                    } else {
                        ctx.replies().notice("No ban on " + mask);
                    }
                }));
    }

    void bans(CommandContext ctx) {
        List<Ban> all = bans.list();
        for (Ban ban : all) {
            String also = ban.identities();
            ctx.replies()
                    .notice("Ban " + ban.mask() + (also.isEmpty() ? "" : " (" + also + ")") + " set by " + ban.setBy()
                            + " on " + WHEN.format(ban.createdAt()) + ": " + ban.reason());
        }
        ctx.replies().notice("End of ban list (" + all.size() + " ban" + (all.size() == 1 ? "" : "s") + ")");
    }
}
