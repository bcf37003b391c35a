package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;

/**
 * Operator actions that reach users on other nodes of a cluster; implemented by the cluster package.
 * The node the operator is on checks the permission and sends the order to the node holding the
 * nick (its nick lease says which); that node carries it out through its {@link Orders}. Calls come
 * from event loops: they return at once and never wait on the network.
 */
public interface OtherNodes {

    /** Asks {@code node} to disconnect its user {@code nick}, who sees {@code quitReason}. */
    void kill(String node, String nick, String quitReason);

    /**
     * Asks {@code node} to take its user {@code nick} out of {@code roomName}, telling the room
     * {@code kick}; {@code byServerOperator} says whether the kicker may kick anyone (else that node
     * refuses to kick a server operator or the room's founder, as {@code chat.Immunity} does here).
     */
    void kick(String node, String roomName, String nick, IrcMessage kick, boolean byServerOperator);

    /** Carries a KICK done on this node, already shown here, to the room's members on the other nodes. */
    void announce(String roomKey, IrcMessage kick);

    /**
     * Asks {@code node} to hand its user {@code nick} the invitation {@code invite} to {@code roomName}:
     * the INVITE line, and the invitation itself when the room is open there.
     */
    void invite(String node, String roomName, String nick, IrcMessage invite);

    /** Tells the other nodes that an account was registered here: its name is protected there at once. */
    void accountRegistered(String name);

    /** Tells the other nodes that the server bans in the shared database changed: they reread and apply them. */
    void bansChanged();

    /** A single node: there are no other nodes. */
    OtherNodes NONE = new OtherNodes() {
        @Override
        public void kill(String node, String nick, String quitReason) {}

        @Override
        public void kick(String node, String roomName, String nick, IrcMessage kick, boolean byServerOperator) {}

        @Override
        public void announce(String roomKey, IrcMessage kick) {}

        @Override
        public void invite(String node, String roomName, String nick, IrcMessage invite) {}

        @Override
        public void accountRegistered(String name) {}

        @Override
        public void bansChanged() {}
    };
}
