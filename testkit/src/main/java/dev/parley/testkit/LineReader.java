package dev.parley.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-terminated lines from a socket, waiting no longer than a deadline. Bytes of a line that
 * is still incomplete when a wait ends stay buffered for the next call, so a timed-out read loses
 * nothing.
 */
final class LineReader {

    private final Socket socket;
    private final InputStream in;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private String closedBecause;

    LineReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** The next line, or {@link Read.Quiet} once {@code deadlineNanos} ({@link System#nanoTime}) passes. */
    Read next(long deadlineNanos) {
        while (true) {
            int lf = indexOfLf();
            if (lf >= 0) {
                return takeLine(lf);
            }
            if (closedBecause != null) {
                return new Read.Closed(closedBecause + unterminatedTail());
            }
            long waitMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (waitMillis <= 0) {
                return new Read.Quiet();
            }
            fill(waitMillis);
        }
    }

    private void fill(long waitMillis) {
        makeRoom();
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, waitMillis));
            int count = in.read(buffer, end, buffer.length - end);
            if (count < 0) {
                closedBecause = "the server closed the connection (end of stream)";
            } else {
                end += count;
            }
        } catch (SocketTimeoutException e) {
            // the wait is over; next() checks the deadline
        } catch (IOException e) {
            closedBecause = "the connection failed: " + e;
        }
    }

    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private int indexOfLf() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Read.Line takeLine(int lf) {
        boolean crlf = lf > start && buffer[lf - 1] == '\r';
        int textEnd = crlf ? lf - 1 : lf;
        String text = new String(buffer, start, textEnd - start, StandardCharsets.UTF_8);
        int bytesWithEnding = lf + 1 - start;
        start = lf + 1;
        return new Read.Line(text, bytesWithEnding, crlf);
    }

    private String unterminatedTail() {
        return start == end
                ? ""
                : ", after an unterminated partial line: "
                        + new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
}
