package dev.parley.server.command;

import dev.parley.protocol.IrcParser;
import dev.parley.protocol.ParseResult;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.auth.Accounts;
import dev.parley.server.auth.Bans;
import dev.parley.server.auth.PasswordChecks;
import dev.parley.server.chat.ChatMetrics;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MessageSink;
import dev.parley.server.chat.MonitorNotices;
import dev.parley.server.chat.Monitors;
import dev.parley.server.chat.MsgIds;
import dev.parley.server.chat.NickHistory;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.OtherNodes;
import dev.parley.server.chat.RoomRecords;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.FloodConfig;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.LimitsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.history.DisabledHistory;
import dev.parley.server.history.History;
import dev.parley.server.history.StoredHistory;
import dev.parley.server.info.ServerInfo;
import dev.parley.server.login.ServerBan;
import dev.parley.server.session.Departures;
import dev.parley.server.session.InboundLine;
import dev.parley.server.session.InboundQueue;
import dev.parley.server.session.ManualConnection;
import dev.parley.server.session.ManualTime;
import dev.parley.server.session.Presences;
import dev.parley.server.session.ReadMarkers;
import dev.parley.server.session.Session;
import dev.parley.server.store.memory.InMemoryBanStore;
import dev.parley.server.store.memory.InMemoryMessageStore;
import dev.parley.server.store.memory.InMemoryRoomStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The real command table, wired as {@code ParleyServer} wires it but with no socket, thread or
 * database: in-memory stores, a history sink that stores at once, a clock the test moves, and
 * sessions on {@link ManualConnection}s. Blocking work (bcrypt, store lookups, history reads)
 * runs on the caller's thread, so every command has finished, deferred or not, when
 * {@link #send} returns.
 */
final class CommandBench {

    static final CaseMapping CASE_MAPPING = CaseMapping.RFC1459;
    static final String SERVER = "parley.local";
    static final String SERVER_PASSWORD = "chat@123";
    static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    private static final int INBOUND_HIGH_WATER = 32;
    private static final int WHOWAS_ENTRIES = 1024;
    private static final Executor SAME_THREAD = Runnable::run;

    private final ParleyConfig config;
    private final MutableClock clock = new MutableClock(START);
    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final RecordingSink sink = new RecordingSink(messages);
    private final InMemoryAccountStore accountStore = new InMemoryAccountStore(CASE_MAPPING);
    private final Map<Session, ManualConnection> connections = new HashMap<>();
    /** What connections schedule (timeouts) waits here until a test moves it. */
    private final ManualTime time = new ManualTime();

    private int reloads;
    private final Nicks nicks;
    private final CommandDispatcher dispatcher;
    private int connected;

    /** A bench with the server's default settings (seed passwords), cheap bcrypt and no flood limit. */
    CommandBench() {
        this(UnaryOperator.identity());
    }

    /** A bench whose settings the test adjusts, after the bench's own. */
    CommandBench(UnaryOperator<ParleyConfig> adjust) {
        this.config = adjust.apply(benchDefaults(ParleyConfig.defaults()));
        Wiring wiring = wire();
        this.nicks = wiring.nicks();
        this.dispatcher = wiring.dispatcher();
    }

    /**
     * Everything {@code ParleyServer.start()} and its {@code families(...)} build, in the same order,
     * with in-memory parts: the one place that knows how the command table is put together (when
     * the server's wiring changes, this method changes with it).
     */
    private Wiring wire() {
        Bans bans = new Bans(new InMemoryBanStore(CASE_MAPPING), CASE_MAPPING, SAME_THREAD, clock);
        bans.load();
        RoomRecords roomRecords = new RoomRecords(
                new InMemoryRoomStore(),
                SAME_THREAD,
                CASE_MAPPING,
                config.moderation().maxRoomsPerAccount());
        roomRecords.load();
        Accounts accounts = new Accounts(
                accountStore,
                config.accounts(),
                config.auth(),
                CASE_MAPPING,
                SAME_THREAD,
                PasswordChecks.inline(),
                clock);
        accounts.ensureAdmin(config.auth());
        accounts.names().reload();
        History history = config.history().enabled()
                ? new StoredHistory(messages, config.history(), SAME_THREAD)
                : new DisabledHistory();
        ServerInfo info = new ServerInfo(config.server().name(), config.server().network(), "test", START);
        Rooms rooms = new Rooms(CASE_MAPPING, clock, roomRecords);
        Nicks nicks = new Nicks(CASE_MAPPING);
        UserCounts counts = new UserCounts();
        NickHistory nickHistory = new NickHistory(CASE_MAPPING, WHOWAS_ENTRIES);
        Monitors monitors = new Monitors(CASE_MAPPING);
        ReadMarkers readMarkers = new ReadMarkers(new InMemoryReadMarkerStore(CASE_MAPPING), CASE_MAPPING, SAME_THREAD);
        Delivery delivery = new Delivery(
                clock,
                new MsgIds(),
                history.enabled() ? sink : MessageSink.NONE,
                history.enabled(),
                config.history().durability() == HistoryConfig.Durability.SYNC,
                CASE_MAPPING,
                ChatMetrics.NONE);
        MonitorNotices monitorNotices = new MonitorNotices(monitors, delivery, info.name());
        Presences presences = Presences.inMemory(CASE_MAPPING, config::accounts);
        Departures departures =
                new Departures(rooms, nicks, nickHistory, monitors, monitorNotices, delivery, clock, presences);
        ServerBan serverBan = new ServerBan(info.name(), config::moderation, nicks, bans, accounts, clock, departures);
        CommandDispatcher dispatcher = CommandTable.dispatcher(new CommandTable.Parts(
                () -> config,
                info,
                rooms,
                nicks,
                counts,
                nickHistory,
                monitors,
                monitorNotices,
                bans,
                accounts,
                readMarkers,
                delivery,
                history,
                departures,
                presences,
                serverBan,
                ChatMetrics.NONE,
                clock,
                SAME_THREAD,
                this::reload,
                OtherNodes.NONE));
        return new Wiring(nicks, dispatcher);
    }

    /** What {@link #wire()} built that tests reach. */
    private record Wiring(Nicks nicks, CommandDispatcher dispatcher) {}

    /** Cheap bcrypt (as the integration tests use) and no flood budget, which would read the wall clock. */
    private static ParleyConfig benchDefaults(ParleyConfig base) {
        AccountsConfig a = base.accounts();
        LimitsConfig l = base.limits();
        FloodConfig f = l.flood();
        return base.withAccounts(new AccountsConfig(
                        a.registration(),
                        AccountsConfig.MIN_BCRYPT_COST,
                        a.minPasswordLength(),
                        a.loginAttempts(),
                        a.loginWindow(),
                        a.registrationsPerIp(),
                        a.registrationWindow()))
                .withLimits(new LimitsConfig(
                        l.nickLength(),
                        l.roomNameLength(),
                        l.topicLength(),
                        l.awayLength(),
                        l.kickReasonLength(),
                        l.realnameLength(),
                        l.maxRoomsPerClient(),
                        l.maxListEntries(),
                        l.sendQueueBytes(),
                        l.registrationTimeout(),
                        l.pingInterval(),
                        l.pingTimeout(),
                        new FloodConfig(false, f.burst(), f.linesPerSecond(), f.exemptOperators()),
                        l.connections(),
                        l.multiline()));
    }

    private String reload() {
        reloads++;
        return "Nothing to reload: no TLS listener";
    }

    /** A new connection that has sent nothing yet. */
    Session connect() {
        connected++;
        ManualConnection connection = new ManualConnection(time, "c" + connected, "192.0.2." + connected);
        Session session = new Session(connection);
        session.attach(new InboundQueue(
                session.connection(),
                dispatcher.boundTo(session),
                () -> clock.millis() * 1_000_000L,
                INBOUND_HIGH_WATER));
        connections.put(session, connection);
        return session;
    }

    /** A registered guest (server password, no account), with the welcome burst already taken. */
    Session register(String nick, String... caps) {
        Session session = connect();
        if (caps.length > 0) {
            String wanted = String.join(" ", caps);
            List<String> answer = ask(session, "CAP REQ :" + wanted);
            if (!answer.equals(List.of(":" + SERVER + " CAP * ACK :" + wanted))
                    && !answer.equals(List.of(":" + SERVER + " CAP * ACK " + wanted))) {
                throw new IllegalArgumentException("capabilities refused: " + answer);
            }
        }
        send(session, "PASS " + SERVER_PASSWORD);
        send(session, "NICK " + nick);
        send(session, "USER " + nick + " 0 * :" + nick + " Real");
        if (caps.length > 0) {
            send(session, "CAP END");
        }
        if (!session.isRegistered()) {
            throw new IllegalStateException(nick + " did not register: " + lines(session));
        }
        take(session);
        return session;
    }

    /** Parses the line as the transport does and hands it to the session's queue; handled before this returns. */
    void send(Session session, String line) {
        ParseResult parsed = IrcParser.parse(line);
        if (parsed instanceof ParseResult.Parsed ok) {
            session.inbound().offer(new InboundLine.Message(ok.message()));
        } else if (parsed instanceof ParseResult.Malformed bad) {
            session.inbound().offer(new InboundLine.Malformed(bad.reason(), bad.command()));
        } else if (parsed instanceof ParseResult.InvalidCommand invalid) {
            session.inbound()
                    .offer(new InboundLine.UnknownCommand(
                            invalid.token(), invalid.tags().get("label")));
        }
    }

    /** The AUTHENTICATE payload of SASL PLAIN for logging in to {@code account}. */
    static String saslPlain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The dispatcher every session of this bench feeds. */
    CommandDispatcher dispatcher() {
        return dispatcher;
    }

    /** A well-formed line as the transport hands it on. */
    static InboundLine parse(String line) {
        return new InboundLine.Message(((ParseResult.Parsed) IrcParser.parse(line)).message());
    }

    /** Everything the session's client has received so far. */
    List<String> lines(Session session) {
        return connection(session).sent();
    }

    /** What the session's client received since the last take. */
    List<String> take(Session session) {
        return connection(session).take();
    }

    /** Sends the line and returns what the sender received in answer (earlier lines are dropped). */
    List<String> ask(Session session, String line) {
        take(session);
        send(session, line);
        return take(session);
    }

    ManualConnection connection(Session session) {
        ManualConnection connection = connections.get(session);
        if (connection == null) {
            throw new IllegalArgumentException("not a bench session: " + session);
        }
        return connection;
    }

    /** Every verb in the bench's command table. */
    Set<String> verbs() {
        return dispatcher.verbs();
    }

    ParleyConfig config() {
        return config;
    }

    /** The bench's nick registry (who holds which nick). */
    Nicks nicks() {
        return nicks;
    }

    MutableClock clock() {
        return clock;
    }

    RecordingSink sink() {
        return sink;
    }

    InMemoryAccountStore accountStore() {
        return accountStore;
    }

    /** How often REHASH called the server's reload hook. */
    int reloads() {
        return reloads;
    }
}
