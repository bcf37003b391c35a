package dev.parley.client.core;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcSerializer;
import dev.parley.protocol.ParseResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection speaking IRC lines: a reader thread that parses each line and hands it on, and
 * a writer thread draining a bounded send queue. The queue's overflow behaviour is backpressure: a
 * sender blocks until there is room, so a script can never outrun the socket or grow the heap.
 */
final class LineConnection {

    /** Told about lines and the end of the connection, on the reader thread. */
    interface Listener {
        void onMessage(LineConnection connection, IrcMessage message);

        void onClosed(LineConnection connection, String reason);
    }

    /** Server lines longer than this (tags included) are dropped whole. */
    static final int MAX_LINE_BYTES = 8191 + 512;

    private static final int SEND_QUEUE_CAPACITY = 1024;
    private static final String END = new String("end of the send queue");
    private static final Logger log = LoggerFactory.getLogger(LineConnection.class);

    private final Socket socket;
    private final Listener listener;
    private final BlockingQueue<String> sendQueue = new ArrayBlockingQueue<>(SEND_QUEUE_CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();

    private LineConnection(Socket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** Connects and starts both threads; throws when the server cannot be reached in time. */
    static LineConnection open(SocketOpener opener, String host, int port, Duration timeout, Listener listener)
            throws IOException {
        Socket socket = opener.open(host, port, timeout);
        LineConnection connection = new LineConnection(socket, listener);
        connection.startThreads(host + ":" + port);
        return connection;
    }

    private void startThreads(String name) {
        Thread reader = new Thread(this::readLoop, "parley-client-reader " + name);
        Thread writer = new Thread(this::writeLoop, "parley-client-writer " + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    /** Queues one message; blocks while the queue is full. Returns false once the connection is closed. */
    boolean send(IrcMessage message) {
        if (closed.get()) {
            return false;
        }
        String line = IrcSerializer.serialize(message);
        try {
            sendQueue.put(line);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Closes the socket after the lines already queued have been written. */
    void closeAfterSending() {
        if (!sendQueue.offer(END)) {
            close();
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            sendQueue.clear();
            sendQueue.offer(END);
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing {}", socket, e);
            }
        }
    }

    private void readLoop() {
        String reason = "the server closed the connection";
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            boolean oversize = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    oversize |= line.size() >= MAX_LINE_BYTES;
                    if (!oversize) {
                        line.write(b);
                    }
                    continue;
                }
                if (!oversize) {
                    deliver(line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
                oversize = false;
            }
        } catch (IOException e) {
            reason = closed.get() ? "closed" : e.getMessage() == null ? e.toString() : e.getMessage();
        }
        close();
        listener.onClosed(this, reason);
    }

    private void deliver(String text) {
        String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (line.isEmpty()) {
            return;
        }
        ParseResult parsed = IrcParser.parse(line);
        if (parsed instanceof ParseResult.Parsed ok) {
            listener.onMessage(this, ok.message());
        } else {
            log.warn("ignoring a malformed line from the server: {}", parsed.problem());
        }
    }

    private void writeLoop() {
        try (OutputStream out = socket.getOutputStream()) {
            while (true) {
                String line = sendQueue.take();
                if (line == END) {
                    break;
                }
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (sendQueue.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            log.debug("write failed on {}", socket, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }
}
