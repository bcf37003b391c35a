package dev.parley.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** One IRC connection of the load generator; touched only by the {@link LoadLoop} thread. */
final class BenchClient {

    final int id;
    /** Which of the target's servers it connects to (0 for a single server). */
    int node;

    String nick;
    String room;
    SocketChannel channel;
    SelectionKey key;
    /** The start of a line not complete yet, or null: the read buffer itself is the loop's, shared. */
    byte[] partial;

    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    long connectStartNanos;
    long registeredNanos;
    boolean registered;
    boolean joined;
    boolean closed;
    /** Messages this client still has to send (senders only). */
    int remaining;
    /** Deliveries of this sender's messages still expected (with an in-flight window). */
    long undelivered;
    /** For private-message scenarios: whom this client writes to. */
    String peer;

    BenchClient(int id, String nick) {
        this.id = id;
        this.nick = nick;
    }

    boolean idle() {
        return out.isEmpty();
    }
}
