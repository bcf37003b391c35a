package dev.parley.server.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The one place that says where a connection's client is: the address a trusted proxy reported
 * (PROXY protocol, {@code X-Forwarded-For}), else the socket's peer. Everything that shows, counts
 * or bans by address reads it here, never {@code channel.remoteAddress()}.
 */
final class ClientAddress {

    private static final AttributeKey<InetSocketAddress> KEY = AttributeKey.valueOf("parley-client-address");

    private ClientAddress() {}

    /** Records the client's address, once a trusted proxy has said it (or said nothing). */
    static void set(Channel channel, InetSocketAddress client) {
        channel.attr(KEY).set(client);
    }

    /** Whether {@link #set} was called: the PROXY header stage is over. */
    static boolean isSettled(Channel channel) {
        return channel.hasAttr(KEY) && channel.attr(KEY).get() != null;
    }

    /** The client's address, or the peer's when nothing else is known; null when the channel has no IP peer. */
    static InetSocketAddress of(Channel channel) {
        InetSocketAddress client = channel.hasAttr(KEY) ? channel.attr(KEY).get() : null;
        if (client != null) {
            return client;
        }
        return peer(channel);
    }

    /** The socket's own peer, whatever a proxy said; null when it is not an IP address. */
    static InetSocketAddress peer(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet : null;
    }

    /** The client's IP as text ({@code 192.0.2.7}, {@code 2001:db8::7}), for logs and limits. */
    static String ip(Channel channel) {
        InetSocketAddress client = of(channel);
        return client == null ? String.valueOf(channel.remoteAddress()) : text(client.getAddress());
    }

    /** An address as compact text; IPv4 clients of an IPv6 socket as plain IPv4. */
    static String text(InetAddress address) {
        return NetUtil.toAddressString(address);
    }
}
