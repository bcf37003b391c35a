package dev.parley.server.command;

import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.History;
import dev.parley.server.history.HistoryRequest;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.info.ServerReplies;
import dev.parley.server.login.AccountReplies;
import dev.parley.server.login.PresenceArrival;
import dev.parley.server.login.RegistrationFlow;
import dev.parley.server.login.ServerBan;
import dev.parley.server.session.Caps;
import dev.parley.server.session.Departures;
import dev.parley.server.session.JoinReplies;
import dev.parley.server.session.MetadataUpdates;
import dev.parley.server.session.Presences;
import dev.parley.server.session.ReadMarkers;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The command table: every family, each built with exactly the components it uses. The server and
 * the handlers' unit tests build it here, so a test exercises the table the server runs.
 */
public final class CommandTable {

    /**
     * What the families are built from. Only this class reads it: no family receives it whole.
     *
     * @param config the configuration in force: families that use reloadable keys read it at use time
     * @param blocking the pool for blocking work (bcrypt, ban persistence); never an event loop
     * @param reload reloads what can change without a restart and says what it did (REHASH)
     */
    public record Parts(
            Supplier<ParleyConfig> config,
            ServerInfo info,
            Rooms rooms,
            Nicks nicks,
            UserCounts counts,
            NickHistory nickHistory,
            Monitors monitors,
            MonitorNotices monitorNotices,
            Bans bans,
            Accounts accounts,
            ReadMarkers readMarkers,
            Delivery delivery,
            History history,
            Departures departures,
            Presences presences,
            ServerBan serverBan,
            ChatMetrics metrics,
            Clock clock,
            Executor blocking,
            Supplier<String> reload,
            OtherNodes otherNodes) {}

    private CommandTable() {}

    /** The dispatcher over every family. */
    public static CommandDispatcher dispatcher(Parts p) {
        Supplier<ParleyConfig> live = p.config();
        return new CommandDispatcher(p.info().name(), () -> live.get().limits().flood(), families(p));
    }

    static List<CommandFamily> families(Parts p) {
        Supplier<ParleyConfig> live = p.config();
        ParleyConfig config = live.get(); // for what only a restart changes
        LimitsConfig limits = config.limits();
        Supplier<LimitsConfig> liveLimits = () -> live.get().limits();
        ServerReplies serverReplies = new ServerReplies(p.info(), live, p.counts(), p.nicks(), p.rooms());
        AccountReplies accountReplies =
                new AccountReplies(p.monitors(), p.delivery(), p.rooms().events());
        MetadataUpdates metadataUpdates =
                new MetadataUpdates(p.monitors(), p.delivery(), p.info().name());
        HistoryRequest historyRequest =
                new HistoryRequest(p.rooms(), p.nicks(), p.accounts(), limits, config.history());
        JoinReplies joinReplies = new JoinReplies(metadataUpdates, p.rooms().remote());
        LoginCheck login = new LoginCheck(() -> live.get().auth(), p.accounts());
        RegistrationFlow flow = new RegistrationFlow(
                login,
                p.bans(),
                p.nicks(),
                p.counts(),
                () -> live.get().limits().flood(),
                p.clock(),
                serverReplies,
                p.monitorNotices(),
                p.departures(),
                new PresenceArrival(p.presences(), p.nicks(), p.readMarkers(), joinReplies, p.delivery(), p.monitors()),
                p.rooms().events());
        MessagingCommands messaging = new MessagingCommands(p.rooms(), p.nicks(), p.delivery(), p.metrics(), p.clock());
        return List.of(
                new CapCommands(p.info(), new Caps(live), flow),
                new RegistrationCommands(p.info(), liveLimits, flow, p.departures()),
                new NickCommands(
                        limits,
                        p.nicks(),
                        p.nickHistory(),
                        p.bans(),
                        p.accounts(),
                        p.delivery(),
                        p.monitorNotices(),
                        p.clock(),
                        flow,
                        p.rooms().events()),
                new SaslCommands(p.nicks(), p.accounts(), accountReplies, flow),
                new AccountCommands(p.info(), live, p.nicks(), p.accounts(), accountReplies),
                messaging,
                new MultilineCommands(p.info().name(), limits.multiline(), messaging),
                new RoomCommands(
                        liveLimits,
                        p.rooms(),
                        p.nicks(),
                        p.bans(),
                        p.readMarkers(),
                        p.delivery(),
                        joinReplies,
                        p.info().name(),
                        p.departures(),
                        p.otherNodes()),
                new ReadMarkerCommands(p.info(), limits, p.nicks(), p.readMarkers(), p.delivery()),
                new RoomInfoCommands(liveLimits, p.rooms(), p.nicks(), p.delivery(), p.clock(), p.otherNodes()),
                new ModeCommands(liveLimits, p.rooms(), p.nicks(), p.delivery(), p.clock()),
                new QueryCommands(p.info(), p.rooms(), p.nicks(), p.nickHistory(), serverReplies, p.clock()),
                new WhoCommands(p.info(), p.rooms(), p.nicks(), p.clock()),
                new MonitorCommands(limits, p.nicks(), p.monitors()),
                new MetadataCommands(p.info(), p.rooms(), p.nicks(), metadataUpdates),
                new HelpCommands(),
                new PresenceCommands(p.presences(), p.info().name()),
                new ProfileCommands(
                        liveLimits, p.monitors(), p.delivery(), p.rooms().events()),
                new OperatorCommands(
                        p.nicks(), p.delivery(), p.blocking(), login, p.departures(), p.reload(), p.otherNodes()),
                new BanCommands(p.bans(), p.serverBan()),
                new HistoryCommands(p.info(), config.history(), p.nicks(), p.history(), historyRequest),
                new SearchCommands(config.history().search(), p.nicks(), p.history(), historyRequest, p.clock()),
                new RedactCommands(p.rooms(), p.nicks(), p.history(), historyRequest, p.delivery()));
    }
}
