package dev.parley.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * The load generator's one network thread: every connection on one {@link Selector}, no thread per
 * connection, so one process holds tens of thousands of clients. Lines in are handed to the
 * {@link Listener}; PING is answered here.
 */
final class LoadLoop implements AutoCloseable {

    /** What the scenario hears about its clients. Runs on the loop thread. */
    interface Listener {
        default void registered(BenchClient client, long nowNanos) {}

        default void joined(BenchClient client, long nowNanos) {}

        /** A line other than PING, 001, 366 or 433; {@code line} has no CR LF. */
        default void line(BenchClient client, String line, long nowNanos) {}

        default void closed(BenchClient client) {}
    }

    private final Selector selector;
    /** Where each node is; a client connects to {@code servers[client.node % servers.length]}. */
    private final InetSocketAddress[] servers;

    private final String password;
    private final String caps;
    private final Listener listener;
    /**
     * Every client reads through this one buffer, keeping only a partial line of its own: a buffer
     * per client (32 KB each) made the generator's heap grow by 320 MB for 10,000 clients, and its
     * collections paused it for up to 100 ms, which showed up as the server's registration latency.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);

    LoadLoop(Target target, String caps, Listener listener) throws IOException {
        this.selector = Selector.open();
        this.servers = new InetSocketAddress[target.nodes()];
        for (int node = 0; node < servers.length; node++) {
            servers[node] = target.address(node);
        }
        this.password = target.password();
        this.caps = caps;
        this.listener = listener;
    }

    /**
     * Starts connecting to the client's node; registration (CAP, PASS, NICK, USER) follows on its
     * own, JOIN if a room is set.
     */
    void connect(BenchClient client) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.channel = channel;
        client.connectStartNanos = System.nanoTime();
        if (channel.connect(servers[client.node % servers.length])) {
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
            greet(client);
        } else {
            client.key = channel.register(selector, SelectionKey.OP_CONNECT, client);
        }
    }

    void send(BenchClient client, String line) {
        if (client.closed) {
            return;
        }
        client.out.add(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
        flush(client);
    }

    /** Runs the loop until {@code done} or the deadline, calling {@code tick} about every millisecond. */
    boolean runUntil(BooleanSupplier done, long deadlineNanos, Runnable tick) throws IOException {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            selector.select(1);
            long now = System.nanoTime();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                handle(key, (BenchClient) key.attachment(), now);
            }
            tick.run();
        }
        return true;
    }

    private void handle(SelectionKey key, BenchClient client, long now) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                client.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                greet(client);
            }
            if (key.isValid() && key.isWritable()) {
                flush(client);
            }
            if (key.isValid() && key.isReadable()) {
                read(client, now);
            }
        } catch (IOException e) {
            close(client);
        }
    }

    private void greet(BenchClient client) {
        if (caps != null) {
            send(client, "CAP REQ :" + caps);
        }
        if (password != null) {
            send(client, "PASS " + password);
        }
        send(client, "NICK " + client.nick);
        send(client, "USER " + client.nick + " 0 * :parley bench");
        if (caps != null) {
            send(client, "CAP END");
        }
    }

    private void read(BenchClient client, long now) throws IOException {
        ByteBuffer in = readBuffer;
        in.clear();
        if (client.partial != null) {
            in.put(client.partial);
            client.partial = null;
        }
        int read = client.channel.read(in);
        if (read < 0) {
            close(client);
            return;
        }
        in.flip();
        int start = in.position();
        byte[] array = in.array();
        for (int i = start; i < in.limit(); i++) {
            if (array[i] == '\n') {
                int end = i > start && array[i - 1] == '\r' ? i - 1 : i;
                onLine(client, new String(array, start, end - start, StandardCharsets.ISO_8859_1), now);
                start = i + 1;
            }
        }
        int left = in.limit() - start;
        if (left > 0 && left < in.capacity()) { // else a line longer than the buffer: dropped
            client.partial = Arrays.copyOfRange(array, start, in.limit());
        }
    }

    private void onLine(BenchClient client, String line, long now) {
        String command = command(line);
        switch (command) {
            case "PING" -> send(client, "PONG" + line.substring(line.indexOf("PING") + 4));
            case "001" -> {
                client.registered = true;
                client.registeredNanos = now;
                listener.registered(client, now);
                if (client.room != null) {
                    send(client, "JOIN " + client.room);
                }
            }
            case "366" -> {
                if (!client.joined) {
                    client.joined = true;
                    listener.joined(client, now);
                }
            }
            case "433" -> {
                if (!client.registered) {
                    client.nick = client.nick + "_";
                    send(client, "NICK " + client.nick);
                }
            }
            default -> listener.line(client, line, now);
        }
    }

    /** The command or numeric of a line, skipping tags and source. */
    static String command(String line) {
        int i = 0;
        if (line.startsWith("@")) {
            i = line.indexOf(' ') + 1;
        }
        if (line.startsWith(":", i)) {
            i = line.indexOf(' ', i) + 1;
        }
        int end = line.indexOf(' ', i);
        return end < 0 ? line.substring(i) : line.substring(i, end);
    }

    private void flush(BenchClient client) {
        try {
            while (!client.out.isEmpty()) {
                ByteBuffer head = client.out.peek();
                client.channel.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                client.out.poll();
            }
            if (client.key != null
                    && client.key.isValid()
                    && (client.key.interestOps() & SelectionKey.OP_CONNECT) == 0) {
                client.key.interestOps(
                        client.out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            close(client);
        } catch (java.nio.channels.NotYetConnectedException e) {
            // queued until the connection completes; greet() runs then
        }
    }

    void close(BenchClient client) {
        if (client.closed) {
            return;
        }
        client.closed = true;
        try {
            client.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        listener.closed(client);
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
