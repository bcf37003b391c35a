package dev.parley.server;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.admin.AdminApi;
import dev.parley.server.admin.AdminConsole;
import dev.parley.server.admin.ConsoleParts;
import dev.parley.server.admin.ServerStatus;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.AttemptCounters;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.ConnectionCounts;
import dev.parley.server.auth.LoginCheck;
import dev.parley.server.auth.PasswordChecks;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.MsgIds;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.RoomRecords;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.cluster.ClusterNode;
import dev.parley.server.command.CommandDispatcher;
import dev.parley.server.command.CommandTable;
import dev.parley.server.config.ConfigReloader;
import dev.parley.server.config.ConfigSource;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.LiveConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.HistoryWriter;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.login.LocalOrders;
import dev.parley.server.login.ServerBan;
import dev.parley.server.metrics.ServerMetrics;
import dev.parley.server.metrics.TransportConnections;
import dev.parley.server.session.Departures;
import dev.parley.server.session.KeepAlive;
import dev.parley.server.session.Presences;
import dev.parley.server.session.ReadMarkers;
import dev.parley.server.session.Session;
import dev.parley.server.session.Sessions;
import dev.parley.server.transport.IrcListeners;
import dev.parley.server.transport.TlsContexts;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parley server: wires the components by constructor, starts them in order (storage, history,
 * listeners) and stops them in reverse (stop accepting, tell clients, drain history, close storage).
 */
public final class ParleyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);
    private static final CaseMapping CASE_MAPPING = CaseMapping.RFC1459;
    /** Departed nicks WHOWAS remembers. */
    private static final int WHOWAS_ENTRIES = 1024;
    /** How often account names are reread, for accounts added or removed by `parley accounts`. */
    private static final Duration ACCOUNT_NAMES_RELOAD = Duration.ofSeconds(30);

    /** The configuration the server started with: what only a restart changes is read here. */
    private final ParleyConfig config;
    /** The configuration in force: a reload swaps it, components read reloadable keys from it. */
    private final LiveConfig live;

    private final ServerReload reloads;
    private volatile Accounts accounts;
    private final Clock clock;
    private final Sessions sessions = new Sessions();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final List<InetSocketAddress> boundTls = new ArrayList<>();
    private final List<InetSocketAddress> boundHttp = new ArrayList<>();
    private final List<InetSocketAddress> boundAdmin = new ArrayList<>();
    private final List<InetSocketAddress> boundMetrics = new ArrayList<>();
    private final ServerMetrics metrics = new ServerMetrics();
    private TlsContexts tls;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ExecutorService blocking;
    private ExecutorService roomWriter;
    /** bcrypt's own bounded pool, so that nothing unrelated to passwords waits behind a flood of guesses. */
    private PasswordChecks passwordChecks;

    private ScheduledExecutorService accountNamesReload;
    private ScheduledExecutorService banExpiry;
    private Storage storage;
    private IrcListeners listeners;
    private HttpAnswers httpAnswers;
    private Departures departures;
    /** This server as a node of a cluster; null on a single node (the default), which runs no Redis code. */
    private ClusterNode cluster;

    private volatile java.util.Set<String> verbs = java.util.Set.of();

    public ParleyServer(ParleyConfig config) {
        this(config, Clock.systemUTC());
    }

    public ParleyServer(ParleyConfig config, Clock clock) {
        this(config, clock, ConfigSource.fixed(config));
    }

    /** @param source where REHASH and SIGHUP read the configuration again (as {@code config} was read) */
    public ParleyServer(ParleyConfig config, Clock clock, ConfigSource source) {
        this.config = config;
        this.clock = clock;
        this.live = new LiveConfig(config);
        this.reloads = new ServerReload(new ConfigReloader(live, source), live, () -> accounts, () -> tls);
    }

    /** Opens storage, then binds every listener. */
    public void start() throws Exception {
        if (config.cluster().enabled()) {
            cluster = ClusterNode.start(config, NamedThreads.daemon("parley-cluster"));
        }
        blocking = Executors.newFixedThreadPool(2, NamedThreads.daemon("parley-blocking"));
        storage = Storage.open(config, live, CASE_MAPPING);
        Bans bans = new Bans(storage.bans(), CASE_MAPPING, blocking);
        bans.load();
        passwordChecks = new PasswordChecks(
                config.auth().passwordCheckThreads(),
                config.auth().passwordCheckQueue(),
                NamedThreads.daemon("parley-password-check"));
        roomWriter = Executors.newSingleThreadExecutor(NamedThreads.daemon("parley-room-writer"));
        RoomRecords roomRecords = new RoomRecords(
                storage.rooms(), roomWriter, CASE_MAPPING, config.moderation().maxRoomsPerAccount());
        roomRecords.load();
        Accounts accounts = new Accounts(
                storage.accounts(),
                config.accounts(),
                config.auth(),
                CASE_MAPPING,
                blocking,
                passwordChecks,
                clock,
                cluster == null ? AttemptCounters.LOCAL : cluster.attemptCounters());
        accounts.ensureAdmin(config.auth());
        this.accounts = accounts;
        accounts.names().reload();
        accountNamesReload = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("parley-account-names"));
        accountNamesReload.scheduleWithFixedDelay(
                accounts.names()::reload,
                ACCOUNT_NAMES_RELOAD.toSeconds(),
                ACCOUNT_NAMES_RELOAD.toSeconds(),
                TimeUnit.SECONDS);
        ServerInfo info =
                new ServerInfo(config.server().name(), config.server().network(), Version.current(), clock.instant());
        Rooms rooms = cluster == null
                ? new Rooms(CASE_MAPPING, clock, roomRecords)
                : new Rooms(
                        CASE_MAPPING,
                        clock,
                        roomRecords,
                        cluster.watch(),
                        cluster.memberEvents(),
                        cluster.remoteMembers(),
                        cluster.roomStates());
        Nicks nicks = cluster == null ? new Nicks(CASE_MAPPING) : new Nicks(CASE_MAPPING, cluster.leases());
        Delivery delivery = new Delivery(
                clock,
                new MsgIds(),
                storage.sink(),
                storage.history().enabled(),
                config.history().durability() == HistoryConfig.Durability.SYNC,
                CASE_MAPPING,
                metrics,
                cluster == null ? null : cluster.bus());
        if (cluster != null) {
            cluster.attach(delivery, rooms, nicks);
            cluster.attach(storage.history());
        }
        Monitors monitors = new Monitors(CASE_MAPPING);
        MonitorNotices monitorNotices = new MonitorNotices(monitors, delivery, info.name());
        if (cluster != null) {
            cluster.attach(monitorNotices);
        }
        UserCounts counts = new UserCounts();
        NickHistory nickHistory = new NickHistory(CASE_MAPPING, WHOWAS_ENTRIES);
        Presences presences = new Presences(
                storage.presences(), roomWriter, CASE_MAPPING, () -> live.get().accounts());
        presences.restore(presences.load(), rooms, nicks, clock.millis());
        departures = new Departures(rooms, nicks, nickHistory, monitors, monitorNotices, delivery, clock, presences);
        ServerBan serverBan =
                new ServerBan(info.name(), () -> live.get().moderation(), nicks, bans, accounts, clock, departures);
        OtherNodes otherNodes = cluster == null ? OtherNodes.NONE : cluster.otherNodes();
        if (cluster != null) {
            bans.onStored(otherNodes::bansChanged);
            accounts.names().onRegistered(otherNodes::accountRegistered);
            cluster.attach(new LocalOrders(
                    nicks,
                    rooms,
                    departures,
                    bans,
                    serverBan,
                    otherNodes,
                    delivery,
                    () -> live.get().limits(),
                    accounts));
        }
        CommandTable.Parts parts = new CommandTable.Parts(
                live,
                info,
                rooms,
                nicks,
                counts,
                nickHistory,
                monitors,
                monitorNotices,
                bans,
                accounts,
                new ReadMarkers(storage.readMarkers(), CASE_MAPPING, blocking),
                delivery,
                storage.history(),
                departures,
                presences,
                serverBan,
                metrics,
                clock,
                blocking,
                this::reload,
                otherNodes);
        AdminConsole console = adminConsole(parts);
        tls = openTls();
        registerGauges(counts, rooms);
        CommandDispatcher dispatcher = CommandTable.dispatcher(parts);
        verbs = dispatcher.verbs();
        KeepAlive keepAlive =
                new KeepAlive(() -> live.get().limits(), config.server().name(), departures, System::nanoTime);
        listeners = new IrcListeners(
                live,
                dispatcher,
                departures,
                keepAlive,
                sessions,
                cluster == null ? ConnectionCounts.LOCAL : cluster.connectionCounts(),
                metrics::error,
                metrics::sendQueueExceeded);
        TransportConnections tcp = metrics.connections("tcp");
        TransportConnections secure = metrics.connections("tls");
        TransportConnections websockets = metrics.connections("websocket");
        for (ListenAddress address : config.server().listen()) {
            InetSocketAddress actual = listeners.bind(address, tcp);
            bound.add(actual);
            log.info("Listening for IRC on {}", actual);
        }
        for (ListenAddress address : config.tls().listen()) {
            InetSocketAddress actual = listeners.bindTls(address, tls, secure);
            boundTls.add(actual);
            log.info("Listening for IRC over TLS on {}", actual);
        }
        boolean https = config.http().https(!config.tls().listen().isEmpty());
        httpAnswers = new HttpAnswers(() -> !stopping.get(), () -> cluster == null || cluster.isUp(), metrics::scrape);
        boolean ownAdminListener = !config.admin().listen().isEmpty();
        for (ListenAddress address : config.http().listen()) {
            AdminApi admin = !ownAdminListener && config.admin().servedOn(address) ? console.api() : null;
            InetSocketAddress actual = listeners.bindHttp(address, httpAnswers, https ? tls : null, websockets, admin);
            boundHttp.add(actual);
            log.info(
                    "Listening for {} on {} (browser client at /, WebSocket at /ws{})",
                    https ? "HTTPS" : "HTTP",
                    actual,
                    admin == null ? "" : ", admin console at /admin/");
            warnIfConsoleInClear(admin != null, address, https);
        }
        for (ListenAddress address : config.admin().enabled() ? config.admin().listen() : List.<ListenAddress>of()) {
            InetSocketAddress actual =
                    listeners.bindHttp(address, httpAnswers, https ? tls : null, websockets, console.api());
            boundAdmin.add(actual);
            log.info("Admin console at {}://{}/admin/", https ? "https" : "http", actual);
            warnIfConsoleInClear(true, address, https);
        }
        for (ListenAddress address : config.http().metricsListen()) {
            InetSocketAddress actual = listeners.bindMetrics(address, httpAnswers);
            boundMetrics.add(actual);
            log.info("Listening for metrics scrapes on {} (/metrics; no longer on the HTTP listeners)", actual);
        }
    }

    /** admin.allow-remote without HTTPS sends operator passwords and session cookies across a network in clear. */
    private static void warnIfConsoleInClear(boolean console, ListenAddress address, boolean https) {
        if (console && !https && !address.isLoopback()) {
            log.warn(
                    "The admin console on {} is plain HTTP on a non-loopback address: operator passwords and "
                            + "session cookies cross the network in clear. Set http.tls: on, or end TLS at a reverse proxy",
                    address);
        }
    }

    /** The admin console over the same components the IRC commands use; its ban-expiry sweep starts here. */
    private AdminConsole adminConsole(CommandTable.Parts c) {
        ServerStatus status = new ServerStatus(
                config.server().name(),
                Version.current(),
                clock.instant(),
                sessions::count,
                c.counts()::current,
                c.counts()::operators,
                c.rooms()::count,
                storage.writer(),
                () -> httpAnswers.metrics(),
                this::reload);
        AdminConsole console = new AdminConsole(new ConsoleParts(
                live,
                c.nicks(),
                c.rooms(),
                c.delivery(),
                c.bans(),
                c.accounts(),
                departures,
                c.serverBan(),
                new LoginCheck(() -> live.get().auth(), c.accounts()),
                storage.accounts(),
                storage.bans(),
                status,
                clock,
                blocking,
                c.otherNodes()));
        banExpiry = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("parley-ban-expiry"));
        banExpiry.scheduleWithFixedDelay(
                console.banExpiry()::sweep, 0, AdminConsole.banSweepSeconds(), TimeUnit.SECONDS);
        return console;
    }

    /** The TLS certificate, when a TLS listener needs one: the configured files or a self-signed one. */
    private TlsContexts openTls() throws java.io.IOException {
        boolean ircTls = !config.tls().listen().isEmpty();
        if (!ircTls && !config.http().https(false)) {
            return null;
        }
        if (config.tls().certificate().isPresent() && config.tls().privateKey().isPresent()) {
            return TlsContexts.fromFiles(
                    config.tls().certificate().get(), config.tls().privateKey().get());
        }
        return TlsContexts.selfSigned(
                config.storage().dataDir().resolve("tls"), config.server().name());
    }

    private void registerGauges(UserCounts counts, Rooms rooms) {
        metrics.buildInfo(Version.number());
        metrics.gauge("parley.connections", "open connections", sessions::count);
        metrics.gauge("parley.users", "registered users", counts::current);
        metrics.gauge("parley.rooms", "rooms", rooms::count);
        if (cluster != null) {
            ClusterGauges.register(metrics, cluster);
        }
        HistoryWriter writer = storage.writer();
        if (writer != null) {
            writer.onBatchWritten(metrics::historyBatchWritten);
            metrics.gauge("parley.history.queue", "messages waiting to be stored", writer::pendingCount);
            metrics.gauge(
                    "parley.history.spill.bytes",
                    "bytes in the spill file while the database is away",
                    writer::spillBytes);
            metrics.gauge(
                    "parley.history.degraded",
                    "1 while the database is unreachable",
                    () -> writer.isDegraded() ? 1 : 0);
            metrics.counter(
                    "parley.history.dropped", "messages refused because the queue was full", writer::droppedCount);
            metrics.counter("parley.history.lost", "messages lost because the spill file was full", writer::lostCount);
        }
    }

    /**
     * REHASH / SIGHUP: reads the configuration again, applies what can change at runtime, refuses
     * (keeping the running value) what needs a restart, keeps everything when the file is invalid,
     * and reloads the TLS certificate. What it did, one line per fact, for the operator.
     */
    public String reload() {
        return String.join("\n", reloads.reload());
    }

    /** Runs after each reload that put a new configuration in force (the app applies the log level). */
    public void onReload(java.util.function.Consumer<ParleyConfig> listener) {
        reloads.onApplied(listener);
    }

    /** The configuration in force: the start configuration with every reload's reloadable keys. */
    public ParleyConfig liveConfig() {
        return live.get();
    }

    /** Every verb the command table knows, once started (the fuzz tests send each one). */
    public java.util.Set<String> commandVerbs() {
        return verbs;
    }

    /** The addresses the IRC listeners are bound to (the real port when the config said 0). */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    /** The addresses of the IRC-over-TLS listeners. */
    public List<InetSocketAddress> tlsAddresses() {
        return List.copyOf(boundTls);
    }

    /** The addresses of the HTTP listeners. */
    public List<InetSocketAddress> httpAddresses() {
        return List.copyOf(boundHttp);
    }

    /** The addresses of the admin console's own listeners ({@code admin.listen}). */
    public List<InetSocketAddress> adminAddresses() {
        return List.copyOf(boundAdmin);
    }

    /** The addresses of the {@code metrics.listen} listeners (empty: /metrics is on the HTTP listeners). */
    public List<InetSocketAddress> metricsAddresses() {
        return List.copyOf(boundMetrics);
    }

    /** The certificate the TLS listeners present, or null without TLS. */
    public TlsContexts tls() {
        return tls;
    }

    /** Ordered shutdown; idempotent. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("Shutting down");
        if (listeners != null) {
            listeners.stopAccepting();
            disconnectEveryone();
            listeners.close();
        }
        drainRoomWriter();
        if (cluster != null) {
            cluster.leave();
            cluster.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (blocking != null) {
            blocking.shutdown();
        }
        if (passwordChecks != null) {
            passwordChecks.close();
        }
        if (accountNamesReload != null) {
            accountNamesReload.shutdownNow();
        }
        if (banExpiry != null) {
            banExpiry.shutdownNow();
        }
        if (httpAnswers != null) {
            httpAnswers.close();
        }
        metrics.close();
        stopped.countDown();
        log.info("Stopped");
    }

    /** Lets the room writer store the last room changes before the database closes (a few seconds at most). */
    private void drainRoomWriter() {
        if (roomWriter == null) {
            return;
        }
        roomWriter.shutdown();
        try {
            if (!roomWriter.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("room changes still unwritten after 5 s; they are lost");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnectEveryone() {
        for (Session session : sessions.all()) {
            session.execute(() -> departures.disconnect(session, "Server shutting down"));
        }
        try {
            if (!sessions.awaitEmpty(Duration.ofSeconds(5))) {
                log.warn("{} connections still open after 5 s; closing them with the event loops", sessions.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }
}
