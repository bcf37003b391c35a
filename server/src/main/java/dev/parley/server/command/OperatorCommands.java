package dev.parley.server.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.auth.Audit;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.auth.OperOutcome;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.session.DeferredReply;
import dev.parley.server.session.Departures;
import dev.parley.server.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Server operators: OPER to become one; KILL, WALLOPS and REHASH once one. (Bans are {@link BanCommands}.) */
public final class OperatorCommands implements CommandFamily {

    private final Nicks nicks;
    private final Delivery delivery;
    private final Executor blocking;
    private final LoginCheck login;
    private final Departures departures;
    private final Supplier<String> reload;
    private final OtherNodes otherNodes;

    /** @param reload reloads what can change without a restart and says what it did (REHASH) */
    public OperatorCommands(
            Nicks nicks,
            Delivery delivery,
            Executor blocking,
            LoginCheck login,
            Departures departures,
            Supplier<String> reload,
            OtherNodes otherNodes) {
        this.nicks = nicks;
        this.delivery = delivery;
        this.blocking = blocking;
        this.login = login;
        this.departures = departures;
        this.reload = reload;
        this.otherNodes = otherNodes;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.registered("OPER", 2, this::oper),
                CommandSpec.operator("KILL", 1, this::kill),
                CommandSpec.operator("WALLOPS", 1, this::wallops),
                CommandSpec.operator("REHASH", 0, this::rehash));
    }

    /**
     * REHASH: reloads the configuration off the event loop (382 RPL_REHASHING, then one NOTICE per
     * line of the outcome: the keys applied, the keys that need a restart, or the file's problems).
     */
    void rehash(CommandContext ctx) {
        ctx.numeric(Numeric.RPL_REHASHING, "parley.yaml", "Rehashing");
        Audit.LOG.info("{} asked for REHASH", ctx.session());
        DeferredReply later = ctx.defer();
        CompletableFuture.supplyAsync(reload, blocking)
                .whenComplete((outcome, error) -> later.completeWith(
                        () -> outcome(ctx, error == null ? outcome : "Reload failed: " + error.getMessage())));
    }

    private static void outcome(CommandContext ctx, String outcome) {
        outcome.lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> ctx.replies().notice(line));
    }

    void oper(CommandContext ctx) {
        String name = ctx.param(0);
        String password = ctx.param(1);
        String ip = ctx.session().connection().remoteIp();
        DeferredReply later = ctx.defer();
        login.oper(name, password, ip)
                .whenComplete((outcome, error) ->
                        later.completeWith(() -> finishOper(ctx, error == null ? outcome : new OperOutcome.Refused())));
    }

    private void finishOper(CommandContext ctx, OperOutcome outcome) {
        Session session = ctx.session();
        if (!(outcome instanceof OperOutcome.Granted granted)) {
            Audit.LOG.info("{} failed OPER as {}: {}", session, ctx.param(0), outcome);
            ctx.numeric(Numeric.ERR_PASSWDMISMATCH, operRefusal(outcome));
            return;
        }
        String entry = granted.name();
        session.setOperatorName(entry);
        ctx.numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
        ctx.replies().add(IrcMessage.from(session.source(), "MODE", session.nick(), "+o"));
        Audit.LOG.info("{} is now an operator (OPER {})", session, entry);
    }

    private static String operRefusal(OperOutcome outcome) {
        if (outcome instanceof OperOutcome.Throttled throttled) {
            return "Too many failed attempts; try again in " + LoginCheck.seconds(throttled.retryAfter()) + " s";
        }
        return outcome instanceof OperOutcome.Busy ? "Server busy; try again in a moment" : "Password incorrect";
    }

    /** A message from an operator to every user with mode +w. */
    void wallops(CommandContext ctx) {
        IrcMessage wallops = IrcMessage.from(ctx.session().source(), "WALLOPS", ctx.param(0));
        List<ChatUser> readers = new ArrayList<>();
        for (ChatUser user : nicks.all()) {
            if (user.isRegistered()
                    && user.snapshot().receivesWallops()
                    && user != ctx.session().actor()) {
                readers.add(user);
            }
        }
        delivery.send(wallops, readers);
        if (ctx.session().receivesWallops()) {
            ctx.replies().add(wallops);
        }
    }

    /** KILL nick [:reason]: a user on another cluster node is disconnected by that node (its nick lease says which). */
    void kill(CommandContext ctx) {
        String nick = ctx.param(0);
        String reason = ctx.paramCount() > 1 ? ctx.param(1) : "Killed";
        String quit = "Killed (" + ctx.session().nick() + " (" + reason + "))";
        var target = nicks.find(nick);
        if (target.isPresent()) {
            ChatUser victim = target.get();
            Audit.LOG.info("{} killed {}: {}", ctx.session(), victim.nick(), reason);
            departures.expel(victim, quit);
            return;
        }
        var node = nicks.elsewhere(nick);
        if (node.isEmpty()) {
            ctx.numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        Audit.LOG.info("{} killed {} on node {}: {}", ctx.session(), nick, node.get(), reason);
        otherNodes.kill(node.get(), nick, quit);
    }
}
