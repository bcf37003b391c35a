package dev.parley.server.it;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ConfigSource;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real {@link ParleyServer} on 127.0.0.1 with a free port and its own data directory, for
 * integration tests. {@link #restart()} keeps the data directory, as a real restart would.
 */
public final class TestServer implements AutoCloseable {

    private final ParleyConfig config;
    private final Clock clock;
    /** Where REHASH reads the configuration again. */
    private final ConfigSource source;

    private final List<RawIrcClient> clients = new ArrayList<>();
    private ParleyServer server;

    private TestServer(ParleyConfig config, Clock clock) {
        this(config, clock, ConfigSource.fixed(config));
    }

    private TestServer(ParleyConfig config, Clock clock, ConfigSource source) {
        this.config = config;
        this.clock = clock;
        this.source = source;
    }

    /** A started server configured by a YAML file, which REHASH reads again (as {@code parley server --config}). */
    public static TestServer startFromFile(Path file) throws ConfigException {
        ConfigLoader loader = new ConfigLoader().file(file);
        TestServer test = new TestServer(loader.load(), Clock.systemUTC(), loader::load);
        test.boot();
        return test;
    }

    /** A started server with default settings (seed passwords) on a free loopback port. */
    public static TestServer start() {
        return start(UnaryOperator.identity());
    }

    /** A started server whose config the caller adjusts (after the test defaults are applied). */
    public static TestServer start(UnaryOperator<ParleyConfig> adjust) {
        return startIn(newDataDir(), adjust);
    }

    /** A started server on an existing data directory. */
    public static TestServer startIn(Path dataDir, UnaryOperator<ParleyConfig> adjust) {
        return startIn(dataDir, adjust, Clock.systemUTC());
    }

    /** A started server whose clock the test sets (messages stamped on other days, for instance). */
    public static TestServer start(Clock clock, UnaryOperator<ParleyConfig> adjust) {
        return startIn(newDataDir(), adjust, clock);
    }

    private static TestServer startIn(Path dataDir, UnaryOperator<ParleyConfig> adjust, Clock clock) {
        ParleyConfig base = ParleyConfig.defaults();
        ServerConfig server = base.server();
        base = base.withServer(new ServerConfig(
                server.name(), server.network(), List.of(new ListenAddress("127.0.0.1", 0)), server.motd(), false));
        StorageConfig storage = base.storage();
        base = base.withStorage(new StorageConfig(
                dataDir,
                storage.databaseUrl(),
                storage.databaseUser(),
                storage.databasePassword(),
                storage.poolSize()));
        // No HTTP unless a test asks: parallel servers must not fight over port 8080.
        base = base.withHttp(new HttpConfig(List.of(), HttpConfig.Tls.AUTO));
        // Cheap bcrypt keeps the many server starts fast; AccountsIT checks the configured cost is used.
        AccountsConfig accounts = base.accounts();
        base = base.withAccounts(new AccountsConfig(
                accounts.registration(),
                AccountsConfig.MIN_BCRYPT_COST,
                accounts.minPasswordLength(),
                accounts.loginAttempts(),
                accounts.loginWindow(),
                accounts.registrationsPerIp(),
                accounts.registrationWindow()));
        TestServer test = new TestServer(adjust.apply(base), clock);
        test.boot();
        return test;
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("parley-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        server = new ParleyServer(config, clock, source);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    public ParleyConfig config() {
        return config;
    }

    public Path dataDir() {
        return config.storage().dataDir();
    }

    public ParleyServer server() {
        return server;
    }

    public InetSocketAddress address() {
        return server.boundAddresses().get(0);
    }

    /** A new raw client connected to this server; closed with the server. */
    public RawIrcClient connect() {
        RawIrcClient client = RawIrcClient.connect(address());
        clients.add(client);
        return client;
    }

    /**
     * A new raw client connecting from {@code ip}, any 127.0.0.0/8 address (loopback, so the per-IP
     * connection limits do not apply, while each address is its own to the login limits).
     */
    public RawIrcClient connectFrom(String ip) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(ip, 0));
            socket.connect(address(), (int) RawIrcClient.DEFAULT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawIrcClient client = RawIrcClient.over(socket);
        clients.add(client);
        return client;
    }

    /** A connected client registered with the seed's server password. */
    public RawIrcClient user(String nick) {
        RawIrcClient client = connect();
        client.register(nick, "chat@123");
        return client;
    }

    /** The admin, logged in the seed's way (PASS admin123 + NICK admin). */
    public RawIrcClient admin() {
        RawIrcClient client = connect();
        client.register("admin", "admin123");
        return client;
    }

    /** Stops the server and starts a new one on the same data directory (a new port). */
    public void restart() {
        closeClients();
        server.stop();
        boot();
    }

    public void stop() {
        server.stop();
    }

    /** Starts a {@link #stop stopped} server again on the same data directory (a new port). */
    public void startAgain() {
        closeClients();
        boot();
    }

    private void closeClients() {
        for (RawIrcClient client : clients) {
            client.close();
        }
        clients.clear();
    }

    @Override
    public void close() {
        closeClients();
        server.stop();
    }
}
