package dev.parley.server.it;

import java.time.Duration;
import java.util.function.Predicate;

/** What the fuzz test needs of a client, over TCP or WebSocket. */
interface LineClient extends AutoCloseable {

    /** Sends exactly these bytes (one WebSocket message); false when the connection is gone. */
    boolean sendRaw(byte[] bytes);

    /** Sends PING and waits for its PONG; false when the connection closed first. */
    boolean pingPong(String token, Duration within);

    /** Waits until a received line matches or the connection closes; fails at the deadline. */
    void await(Predicate<String> what, Duration within);

    /** Why the connection ended, or null while it is open. */
    String closedBecause();

    /** The last lines received, for failure messages. */
    String recentLines();

    @Override
    void close();
}
