package dev.parley.server.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** The plain-TCP IRC pipeline: frame and decode lines, then hand them to the connection's session. */
final class IrcChannelInitializer extends ChannelInitializer<Channel> {

    private final ConnectionHandler.TransportWiring wiring;

    IrcChannelInitializer(ConnectionHandler.TransportWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast("lines", new IrcLineDecoder())
                .addLast("session", new ConnectionHandler(wiring));
    }
}
