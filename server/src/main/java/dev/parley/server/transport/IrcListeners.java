package dev.parley.server.transport;

import dev.parley.server.admin.AdminApi;
import dev.parley.server.auth.ConnectionCounts;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ProxyConfig;
import dev.parley.server.metrics.TransportConnections;
import dev.parley.server.session.Departures;
import dev.parley.server.session.KeepAlive;
import dev.parley.server.session.LineProcessor;
import dev.parley.server.session.Sessions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IRC listeners and their event loops: native epoll where available, NIO elsewhere; TCP_NODELAY
 * on every client socket (Nagle plus delayed ACKs would put tens of milliseconds under every line).
 */
public final class IrcListeners implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IrcListeners.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final Class<? extends ServerChannel> channelType;
    private final List<Channel> serverChannels = new ArrayList<>();
    private final ConnectionHandler.TransportWiring wiring;
    private final ConnectionLimiter httpLimiter;
    private final HttpConfig http;
    private final ProxyConfig proxies;
    private final TlsRefusalHandler tlsRefusals =
            new TlsRefusalHandler(new TlsRefusals(TlsRefusals.INTERVAL, System::nanoTime));

    /** @param live the configuration in force: connection limits are read from it at each connection */
    public IrcListeners(
            Supplier<ParleyConfig> live,
            LineProcessor processor,
            Departures departures,
            KeepAlive keepAlive,
            Sessions sessions,
            Runnable onError,
            Runnable onSendQueueExceeded) {
        this(live, processor, departures, keepAlive, sessions, ConnectionCounts.LOCAL, onError, onSendQueueExceeded);
    }

    /** @param everywhere IRC connections per address counted on every node of a cluster, as well as here */
    public IrcListeners(
            Supplier<ParleyConfig> live,
            LineProcessor processor,
            Departures departures,
            KeepAlive keepAlive,
            Sessions sessions,
            ConnectionCounts everywhere,
            Runnable onError,
            Runnable onSendQueueExceeded) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("parley-accept"), io);
        int ioThreads =
                Integer.getInteger("parley.io-threads", Runtime.getRuntime().availableProcessors());
        this.workerGroup = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("parley-io"), io);
        this.channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ParleyConfig config = live.get();
        ConnectionLimiter limiter =
                new ConnectionLimiter(() -> live.get().limits().connections(), System::nanoTime);
        this.wiring = new ConnectionHandler.TransportWiring(
                processor,
                departures,
                keepAlive,
                sessions,
                limiter,
                everywhere,
                config.limits().sendQueueBytes(),
                onError,
                onSendQueueExceeded);
        this.httpLimiter = ConnectionLimiter.heldAtOnce(
                () -> live.get().limits().connections(), config.http().maxLoopbackConnections(), System::nanoTime);
        this.http = config.http();
        this.proxies = config.proxy();
        log.debug("transport: {}", epoll ? "epoll" : "nio");
    }

    /** Binds a plain IRC listener; returns the address actually bound (port 0 picks a free one). */
    public InetSocketAddress bind(ListenAddress address, TransportConnections counted) throws InterruptedException {
        return bind(address, new IrcChannelInitializer(wiring, null, counted, tlsRefusals, proxies));
    }

    /** Binds an IRC-over-TLS listener presenting {@code tls}'s certificate. */
    public InetSocketAddress bindTls(ListenAddress address, TlsContexts tls, TransportConnections counted)
            throws InterruptedException {
        return bind(address, new IrcChannelInitializer(wiring, tls, counted, tlsRefusals, proxies));
    }

    /**
     * Binds an HTTP listener (HTTPS when {@code tls} is not null): files, /ws, /healthz, /metrics,
     * and the admin console when {@code admin} is not null.
     */
    public InetSocketAddress bindHttp(
            ListenAddress address,
            HttpEndpoints endpoints,
            TlsContexts tls,
            TransportConnections websockets,
            AdminApi admin)
            throws InterruptedException {
        return bind(
                address,
                new HttpChannelInitializer(
                        wiring, endpoints, tls, websockets, httpLimiter, http, tlsRefusals, admin, proxies));
    }

    /** Binds the {@code metrics.listen} listener: {@code /metrics}, {@code /livez}, {@code /readyz}, plain HTTP. */
    public InetSocketAddress bindMetrics(ListenAddress address, HttpEndpoints endpoints) throws InterruptedException {
        return bind(
                address,
                new MetricsChannelInitializer(
                        endpoints, httpLimiter, http.idleTimeout(), http.requestTimeout(), wiring.onError()));
    }

    private InetSocketAddress bind(ListenAddress address, ChannelInitializer<Channel> initializer)
            throws InterruptedException {
        int highWater = (int) Math.max(64 * 1024, wiring.sendQueueBytes());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                // The system's maximum (net.core.somaxconn), as Go servers take: a burst of clients
                // (a netsplit's reconnections) waits in the queue instead of having its SYNs dropped
                // and retried a second later.
                .option(ChannelOption.SO_BACKLOG, NetUtil.SOMAXCONN)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(highWater / 2, highWater))
                .childHandler(initializer);
        Channel channel = bootstrap.bind(address.host(), address.port()).sync().channel();
        serverChannels.add(channel);
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops accepting new connections; open ones stay. */
    public void stopAccepting() {
        for (Channel channel : serverChannels) {
            if (!channel.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("listener {} did not close within {} s", channel.localAddress(), SHUTDOWN_WAIT_SECONDS);
            }
        }
        serverChannels.clear();
    }

    /**
     * Stops the event loops. Every wait is bounded: a shutdown (SIGTERM) must end even if a loop's
     * termination is never reported, which was seen when the JVM was already exiting.
     */
    @Override
    public void close() {
        stopAccepting();
        var boss = bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var workers = workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!boss.awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)
                || !workers.awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn(
                    "event loops did not report their end within {} s; going on with the shutdown",
                    SHUTDOWN_WAIT_SECONDS);
        }
    }
}
