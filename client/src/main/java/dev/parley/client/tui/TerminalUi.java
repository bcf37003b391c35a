package dev.parley.client.tui;

import dev.parley.client.core.ClientState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The terminal client: the input line stays at the bottom and incoming lines are printed above it
 * ({@link LineReader#printAbove}), so what the user is typing is never broken up. Up/down walk the
 * input history; Tab completes commands and nicks. An entered chat line is erased from the screen:
 * what was said shows once, as the feed's line (the server's echo).
 *
 * <p>The chat prompt names the current room. It is taken from its supplier when a read starts
 * (JLine's {@code callback-init}) and on {@link #promptChanged()} through a widget, so both run
 * under the reader's lock and a room change between two reads is never lost.
 */
public final class TerminalUi implements Ui {

    private static final String REFRESH_PROMPT = "parley-refresh-prompt";
    private static final String REDRAW = "parley-redraw-window";
    /** Rows left for the feed when a window is drawn: the status line and the input line take two. */
    private static final int PROMPT_ROWS = 2;

    private final Terminal terminal;
    /** JLine's own reader: its prompt can be replaced while a line is read. */
    private final LineReaderImpl reader;

    private final boolean colour;
    private final InputCompleter completer = new InputCompleter();
    /** The chat prompt while a chat line is being read; null during start-up questions. */
    private volatile Supplier<String> chatPrompt;
    /** The lines the next {@link #REDRAW} shows. */
    private volatile List<DisplayLine> toRedraw = List.of();

    /** @param colour whether to colour lines (off for NO_COLOR and dumb terminals) */
    public TerminalUi(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        this.colour = colour
                && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        this.reader = (LineReaderImpl) LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("parley")
                .parser(literalParser())
                .completer(completer)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> applyChatPrompt(false));
        reader.getWidgets().put(REFRESH_PROMPT, () -> applyChatPrompt(true));
        reader.getWidgets().put(REDRAW, this::redrawWidget);
    }

    @Override
    public void useWindowKeys(WindowKeys keys) {
        WindowKeyBindings.bind(reader, keys);
    }

    @Override
    public boolean windowed() {
        return true;
    }

    /** Clears the screen and shows the lines of the window now current, as many as fit, under its prompt. */
    @Override
    public void redraw(List<DisplayLine> lines) {
        int rows = Math.max(1, terminal.getHeight() - PROMPT_ROWS);
        toRedraw = lines.subList(Math.max(0, lines.size() - rows), lines.size());
        try {
            reader.callWidget(REDRAW);
        } catch (IllegalStateException notReading) {
            // between two reads: clear now; the next read draws its prompt below these lines
            terminal.puts(InfoCmp.Capability.clear_screen);
            toRedraw.forEach(line -> terminal.writer().println(styled(line).toAnsi(terminal)));
            terminal.flush();
        }
    }

    private boolean redrawWidget() {
        applyChatPrompt(false);
        reader.callWidget(LineReader.CLEAR_SCREEN);
        toRedraw.forEach(this::show);
        return true;
    }

    @Override
    public void bell() {
        terminal.puts(InfoCmp.Capability.bell);
        terminal.flush();
    }

    /** A widget: puts the current chat prompt in place (and redraws the line when {@code redraw}). */
    private boolean applyChatPrompt(boolean redraw) {
        Supplier<String> prompt = chatPrompt;
        if (prompt != null) {
            reader.setPrompt(withStatusBar(prompt.get()));
            if (redraw) {
                reader.callWidget(LineReader.REDISPLAY);
            }
        }
        return true;
    }

    /** A prompt's first line, when it has two, is the status line: drawn as a bar (reverse video) in colour. */
    private String withStatusBar(String prompt) {
        int newline = prompt.indexOf('\n');
        if (!colour || newline < 0) {
            return prompt;
        }
        return new AttributedString(prompt.substring(0, newline), AttributedStyle.DEFAULT.inverse()).toAnsi(terminal)
                + prompt.substring(newline);
    }

    /** Chat text is not shell input: quotes, backslashes and '!' are just characters. */
    private static DefaultParser literalParser() {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        return parser;
    }

    public LineReader lineReader() {
        return reader;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void show(DisplayLine line) {
        reader.printAbove(styled(line));
    }

    /** The line in its style, the speaker's nick in its own colour; plain when colour is off. */
    private AttributedString styled(DisplayLine line) {
        if (!colour) {
            return new AttributedString(line.text());
        }
        AttributedStyle style = styleOf(line.style());
        int at = line.nick() == null
                ? -1
                : line.text().indexOf(line.nick(), line.text().indexOf(']') + 1);
        if (at < 0) {
            return new AttributedString(line.text(), style);
        }
        int end = at + line.nick().length();
        return new AttributedStringBuilder()
                .style(style)
                .append(line.text(), 0, at)
                .style(NickColours.of(line.nick(), style))
                .append(line.text(), at, end)
                .style(style)
                .append(line.text(), end, line.text().length())
                .toAttributedString();
    }

    private static AttributedStyle styleOf(Style style) {
        return switch (style) {
            case CHAT -> AttributedStyle.DEFAULT;
            case OWN -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case PRIVATE -> AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
            case MENTION ->
                AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();
            case EVENT -> AttributedStyle.DEFAULT.faint();
            case INFO -> AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
            case ERROR ->
                AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
        };
    }

    @Override
    public String ask(String question, String defaultValue) {
        String answer = read(question, null);
        return answer == null ? null : answer.isBlank() ? defaultValue : answer.strip();
    }

    @Override
    public String askSecret(String question) {
        return read(question, '*');
    }

    @Override
    public String readLine(Supplier<String> prompt) {
        chatPrompt = prompt;
        reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        try {
            return read(withStatusBar(prompt.get()), null);
        } finally {
            reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, false);
            chatPrompt = null;
        }
    }

    @Override
    public void promptChanged() {
        try {
            reader.callWidget(REFRESH_PROMPT);
        } catch (IllegalStateException notReading) {
            // between two reads: the next one starts with the fresh prompt (callback-init)
        }
    }

    /** A line, or null when the user ends input (Ctrl-D) or interrupts (Ctrl-C). */
    private String read(String prompt, Character mask) {
        try {
            return reader.readLine(prompt, mask);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void completeFrom(Supplier<ClientState> state) {
        completer.useState(state);
    }

    @Override
    public void close() {
        try {
            terminal.flush();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
