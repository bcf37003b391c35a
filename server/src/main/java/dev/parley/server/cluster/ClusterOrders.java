package dev.parley.server.cluster;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.ParseResult;
import dev.parley.server.chat.Orders;
import dev.parley.server.chat.OtherNodes;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders between nodes. KILL, KICK and INVITE go to the one node holding the nick, on its sharded
 * orders channel ({@code orders:<node>}); "the bans changed" goes to every node on the control
 * channel, and each rereads the shared database. Orders heard are carried out through this node's
 * {@link Orders}, called on the cluster thread. Pub/sub is lossy: an order sent while Redis is away
 * is logged and lost, and a node back on Redis rereads the bans in case it missed a change.
 */
final class ClusterOrders implements OtherNodes {

    private static final Logger log = LoggerFactory.getLogger(ClusterOrders.class);

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final String nodeId;
    private final Executor thread;
    private final ClusterRoomBus bus;
    private volatile Orders orders;

    ClusterOrders(RedisLink redis, ClusterKeys keys, String nodeId, Executor thread, ClusterRoomBus bus) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.thread = thread;
        this.bus = bus;
        redis.onShardedMessage(this::heard);
    }

    /** Listens for orders to this node and for cluster-wide changes. */
    CompletionStage<Void> start() {
        return redis.pubsub().ssubscribe(keys.ordersChannel(nodeId), keys.controlChannel());
    }

    /** Who carries out the orders heard here, once the server is built. */
    void attach(Orders here) {
        this.orders = here;
    }

    @Override
    public void kill(String node, String nick, String quitReason) {
        send(keys.ordersChannel(node), "kill " + nick + " " + quitReason, "KILL of " + nick);
    }

    @Override
    public void kick(String node, String roomName, String nick, IrcMessage kick, boolean byServerOperator) {
        send(
                keys.ordersChannel(node),
                "kick " + (byServerOperator ? "o " : "- ") + roomName + " " + nick + " "
                        + IrcSerializer.serialize(kick),
                "KICK of " + nick + " from " + roomName);
    }

    @Override
    public void announce(String roomKey, IrcMessage kick) {
        bus.announce(roomKey, kick);
    }

    @Override
    public void invite(String node, String roomName, String nick, IrcMessage invite) {
        send(
                keys.ordersChannel(node),
                "invite " + roomName + " " + nick + " " + IrcSerializer.serialize(invite),
                "INVITE of " + nick + " to " + roomName);
    }

    @Override
    public void accountRegistered(String name) {
        send(keys.controlChannel(), "account " + nodeId + " " + name, "news of account " + name);
    }

    @Override
    public void bansChanged() {
        send(keys.controlChannel(), "bans " + nodeId, "news of changed bans");
    }

    /** After Redis was away: a ban change may have gone unheard, so the bans are read again. */
    void resume() {
        start();
        Orders here = orders;
        if (here != null) {
            thread.execute(here::reloadBans);
        }
    }

    private void send(String channel, String text, String what) {
        redis.commands().spublish(channel, text).exceptionally(failure -> {
            log.warn("{} could not reach the other nodes: {}", what, failure.getMessage());
            return 0L;
        });
    }

    /** On a Lettuce thread: carried out on the cluster thread. */
    private void heard(String channel, String text) {
        Orders here = orders;
        if (here == null) {
            return;
        }
        if (channel.equals(keys.controlChannel())) {
            String[] news = text.split(" ", 3);
            if (news[0].equals("bans") && news.length == 2 && !news[1].equals(nodeId)) {
                thread.execute(here::reloadBans);
            } else if (news[0].equals("account") && news.length == 3 && !news[1].equals(nodeId)) {
                thread.execute(() -> here.accountRegistered(news[2]));
            }
        } else if (channel.equals(keys.ordersChannel(nodeId))) {
            thread.execute(() -> carryOut(here, text));
        }
    }

    /** "kill nick reason", "kick o|- room nick line" ('o': by a server operator) or "invite room nick line". */
    private static void carryOut(Orders here, String text) {
        String[] kill = text.split(" ", 3);
        String[] kick = text.split(" ", 5);
        String[] invite = text.split(" ", 4);
        if (kill[0].equals("kill") && kill.length == 3) {
            here.kill(kill[1], kill[2]);
        } else if (invite[0].equals("invite")
                && invite.length == 4
                && IrcParser.parse(invite[3]) instanceof ParseResult.Parsed parsed) {
            here.invite(invite[1], invite[2], parsed.message());
        } else if (kick[0].equals("kick")
                && kick.length == 5
                && IrcParser.parse(kick[4]) instanceof ParseResult.Parsed parsed) {
            here.kick(kick[2], kick[3], parsed.message(), kick[1].equals("o"));
        } else {
            log.warn("an unreadable order from another node was dropped: {}", kill[0]);
        }
    }
}
