package dev.parley.client.tui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * For scripts and pipes: lines in, the feed out as plain UTF-8 text, no colour, no prompts. Answers to
 * start-up questions are read as lines from the input, in the order they are asked.
 */
public final class PlainUi implements Ui {

    private final BufferedReader in;
    private final PrintStream out;

    public PlainUi(InputStream in, OutputStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void show(DisplayLine line) {
        out.println(line.text());
    }

    @Override
    public String ask(String question, String defaultValue) {
        String answer = nextLine();
        return answer == null ? null : answer.isBlank() ? defaultValue : answer.strip();
    }

    @Override
    public String askSecret(String question) {
        return nextLine();
    }

    /** No prompt is shown: the output is the feed alone. */
    @Override
    public String readLine(Supplier<String> prompt) {
        return nextLine();
    }

    private String nextLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            show(DisplayLine.error("Reading input failed: " + e));
            return null;
        }
    }

    /**
     * Flushes the output. The input is left open: closing a reader another thread is blocked in
     * would wait for that read, and the input thread is a daemon that ends with the program.
     */
    @Override
    public void close() {
        out.flush();
    }
}
