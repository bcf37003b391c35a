package dev.parley.testkit;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.ParseResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A strict, dumb IRC client for tests: it sends exactly what the test says and reads lines on
 * demand, each read bounded by a deadline. It is single-threaded (no reader thread), so it must be
 * used from one thread at a time.
 *
 * <p>Strict: a line the server sends that does not end in CR LF, is longer than the protocol allows,
 * or does not parse fails the test at once. Every failure is an {@link AssertionError} naming what
 * was expected and showing the last lines of the {@link #transcript()}.
 */
public final class RawIrcClient implements AutoCloseable {

    /** How long an {@code expect} waits unless {@link #withTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final OutputStream out;
    private final LineReader reader;
    private final Transcript transcript = new Transcript();
    private Duration timeout = DEFAULT_TIMEOUT;

    private RawIrcClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new LineReader(socket);
    }

    public static RawIrcClient connect(String host, int port) {
        return connect(new InetSocketAddress(host, port));
    }

    /** Connects within {@link #DEFAULT_TIMEOUT}; an unreachable server is an {@link UncheckedIOException}. */
    public static RawIrcClient connect(InetSocketAddress address) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) DEFAULT_TIMEOUT.toMillis());
            return new RawIrcClient(socket);
        } catch (IOException e) {
            closeQuietly(socket, e);
            throw new UncheckedIOException("cannot connect to " + address, e);
        }
    }

    /** Wraps a socket the caller connected (a TLS socket, say). */
    public static RawIrcClient over(Socket socket) {
        try {
            return new RawIrcClient(socket);
        } catch (IOException e) {
            closeQuietly(socket, e);
            throw new UncheckedIOException("cannot use " + socket, e);
        }
    }

    /** Sets how long each later {@code expect}, {@code collectUntil} and registration step waits. */
    public RawIrcClient withTimeout(Duration newTimeout) {
        if (newTimeout.isNegative() || newTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + newTimeout);
        }
        this.timeout = newTimeout;
        return this;
    }

    /** Sends one line, UTF-8, with CR LF appended. A line holding CR or LF is refused: use {@link #sendRaw}. */
    public void send(String line) {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("send() adds the line ending; use sendRaw() for CR or LF inside a line");
        }
        transcript.sent(line);
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8), line);
    }

    /** Sends exactly these bytes, nothing appended: for malformed, oversized or split input. */
    public void sendRaw(byte[] bytes) {
        String shown = new String(bytes, StandardCharsets.UTF_8);
        transcript.sent("(raw " + bytes.length + " bytes) " + shown);
        write(bytes.clone(), shown);
    }

    /** Reads until a line matches, skipping (but recording) others; fails at the deadline or on close. */
    public IrcMessage expect(Predicate<IrcMessage> what, String description) {
        long deadline = deadline();
        while (true) {
            IrcMessage message = nextMessage(deadline, description);
            if (what.test(message)) {
                return message;
            }
        }
    }

    /** {@link #expect(Predicate, String)} described by the predicate's {@code toString()}, as {@link Lines} gives. */
    public IrcMessage expect(Predicate<IrcMessage> what) {
        return expect(what, String.valueOf(what));
    }

    public IrcMessage expect(Numeric numeric) {
        return expect(Lines.numeric(numeric));
    }

    public IrcMessage expectCommand(String verb) {
        return expect(Lines.command(verb));
    }

    /** Every line read from now up to and including the first that matches {@code end}. */
    public List<IrcMessage> collectUntil(Predicate<IrcMessage> end) {
        long deadline = deadline();
        List<IrcMessage> collected = new ArrayList<>();
        while (true) {
            IrcMessage message = nextMessage(deadline, String.valueOf(end));
            collected.add(message);
            if (end.test(message)) {
                return collected;
            }
        }
    }

    /**
     * Reads for {@code quietPeriod} and fails if a matching line arrives: "nothing else comes". A
     * server closing the connection ends the period without failing; a later {@code expect} reports it.
     */
    public void assertNothingMatching(Predicate<IrcMessage> what, Duration quietPeriod) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        while (true) {
            Read read = reader.next(deadline);
            if (!(read instanceof Read.Line line)) {
                return;
            }
            IrcMessage message = accept(line, "nothing matching " + what);
            if (what.test(message)) {
                throw failure(
                        "nothing matching " + what + " for " + quietPeriod.toMillis() + " ms",
                        "got " + Transcript.printable(line.text()));
            }
        }
    }

    /** Whether the server closes the connection within {@code timeout}, reading (and recording) any lines before. */
    public boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Read read = reader.next(deadline);
            if (read instanceof Read.Closed closed) {
                transcript.note(closed.why());
                return true;
            }
            if (read instanceof Read.Quiet) {
                return false;
            }
            accept((Read.Line) read, "the server to close the connection");
        }
    }

    /** Every line sent ({@code -> }) and received ({@code <- }) so far, in order, control characters shown as {@code \xNN}. */
    public List<String> transcript() {
        return transcript.lines();
    }

    /**
     * Registers with {@code PASS} (unless {@code password} is null), {@code NICK} and {@code USER},
     * and reads through the end of the MOTD so the next expect starts clean.
     *
     * @return every line read during registration, through 376 RPL_ENDOFMOTD or 422 ERR_NOMOTD
     */
    public List<IrcMessage> register(String nick, String password) {
        return new Registration(this).register(nick, password);
    }

    /**
     * Like {@link #register}, negotiating first: {@code CAP LS 302}, {@code CAP REQ} for {@code caps}
     * (each must be ACKed), then {@code PASS NICK USER} and {@code CAP END}.
     */
    public List<IrcMessage> registerWithCaps(String nick, String password, String... caps) {
        return new Registration(this).registerWithCaps(nick, password, caps);
    }

    /** Joins {@code room} and reads through its 366 RPL_ENDOFNAMES; an error numeric for the room fails at once. */
    public List<IrcMessage> join(String room) {
        send("JOIN " + room);
        List<IrcMessage> lines = collectUntil(Lines.anyOf(Lines.endOfNames(room), Lines.errorNumericFor(room)));
        IrcMessage last = lines.get(lines.size() - 1);
        if (!Lines.endOfNames(room).test(last)) {
            throw failure("to join " + room, "the server refused: " + last);
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the test connection", e);
        }
    }

    /** A failure naming what was expected, why it did not happen, and the transcript's tail. */
    AssertionError failure(String expected, String but) {
        return new AssertionError("Expected " + expected + ", but " + but + ".\n" + transcript.tail());
    }

    private IrcMessage nextMessage(long deadline, String description) {
        Read read = reader.next(deadline);
        if (read instanceof Read.Line line) {
            return accept(line, description);
        }
        if (read instanceof Read.Closed closed) {
            transcript.note(closed.why());
            throw failure(description, closed.why());
        }
        throw failure(description + " within " + timeout.toMillis() + " ms", "no such line arrived");
    }

    /** Records the line and holds the server to the protocol: CR LF, line limits, parseable. */
    private IrcMessage accept(Read.Line line, String description) {
        transcript.received(line.text());
        if (!line.endedWithCrLf()) {
            throw failure(description, "the server ended a line with LF alone, not CR LF");
        }
        int tagBytes = tagSectionBytes(line.text());
        if (line.bytes() - tagBytes > Limits.MAX_LINE_BYTES || tagBytes > Limits.MAX_TAG_BYTES) {
            throw failure(
                    description, "the server sent a line over the protocol's limits (" + line.bytes() + " bytes)");
        }
        ParseResult parsed = IrcParser.parse(line.text());
        if (parsed instanceof ParseResult.Parsed ok) {
            return ok.message();
        }
        throw failure(description, "the server sent a malformed line (" + parsed.problem() + ")");
    }

    /** The UTF-8 length of the tag section with its trailing space, 0 when there is none. */
    private static int tagSectionBytes(String text) {
        int space = text.indexOf(' ');
        return text.startsWith("@") && space > 0
                ? text.substring(0, space + 1).getBytes(StandardCharsets.UTF_8).length
                : 0;
    }

    private void write(byte[] bytes, String shown) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            AssertionError failure = failure("to send " + Transcript.printable(shown), "the write failed: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    private static void closeQuietly(Socket socket, IOException cause) {
        try {
            socket.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "RawIrcClient[" + Objects.toString(socket.getRemoteSocketAddress()) + "]";
    }
}
