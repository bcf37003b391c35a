package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;

/**
 * What another node of a cluster asks of this one (see {@link OtherNodes}), carried out on this
 * node's users. The asking node checked the permission; this one only acts. Called on the cluster's
 * own thread: implementations hop to the user's event loop or the blocking pool, never block here.
 */
public interface Orders {

    /** Disconnects {@code nick} if a user here holds it: they see ERROR, the rooms see QUIT. */
    void kill(String nick, String quitReason);

    /**
     * Takes {@code nick} out of {@code roomName} if a user here is a member, telling the room
     * {@code kick}; unless {@code byServerOperator}, not a server operator or the room's founder.
     */
    void kick(String roomName, String nick, IrcMessage kick, boolean byServerOperator);

    /** Gives {@code nick}, if a user here holds it, the INVITE to {@code roomName} and the invitation. */
    void invite(String roomName, String nick, IrcMessage invite);

    /** Protects the name of an account another node registered. */
    void accountRegistered(String name);

    /** Rereads the server bans from the database and disconnects the users here that they now match. */
    void reloadBans();
}
