package dev.parley.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * This node's two connections to Redis: one for commands, one for sharded pub/sub. Lettuce
 * reconnects on its own; while it is away, commands fail at once (never queue up), so that chat
 * on this node goes on without Redis rather than behind it.
 */
final class RedisLink implements AutoCloseable {

    /** The longest one Redis call, or connecting, may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubsub;

    private RedisLink(
            RedisClient client,
            StatefulRedisConnection<String, String> commands,
            StatefulRedisPubSubConnection<String, String> pubsub) {
        this.client = client;
        this.commands = commands;
        this.pubsub = pubsub;
    }

    /** Connects, or says plainly why it could not: a node does not start without its Redis. */
    static RedisLink open(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        try {
            StatefulRedisConnection<String, String> commands = client.connect();
            StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
            return new RedisLink(client, commands, pubsub);
        } catch (RedisException e) {
            client.shutdown(Duration.ZERO, TIMEOUT);
            throw new IllegalStateException(
                    "cluster.redis-url " + uri.getHost() + ":" + uri.getPort() + ": Redis is unreachable ("
                            + e.getMessage() + "); a cluster node needs it to start. Start Redis, or unset"
                            + " cluster.redis-url to run a single node",
                    e);
        }
    }

    RedisAsyncCommands<String, String> commands() {
        return commands.async();
    }

    RedisPubSubAsyncCommands<String, String> pubsub() {
        return pubsub.async();
    }

    /** {@code handler(channel, message)} for every sharded message, on a Lettuce thread. */
    void onShardedMessage(BiConsumer<String, String> handler) {
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void smessage(String channel, String message) {
                handler.accept(channel, message);
            }
        });
    }

    /** {@code lost} runs (on a Lettuce thread) whenever a connection to Redis drops. */
    void onDisconnect(Runnable lost) {
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                lost.run();
            }
        });
    }

    /** Both connections are open (as far as the client knows; the heartbeat finds out for sure). */
    boolean isOpen() {
        return commands.isOpen() && pubsub.isOpen();
    }

    @Override
    public void close() {
        pubsub.close();
        commands.close();
        client.shutdown(Duration.ZERO, TIMEOUT);
    }
}
