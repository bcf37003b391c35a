package dev.parley.client.tui;

/**
 * One line to show the user: plain text and its style, and the nick who spoke when it is a
 * message (a colour UI colours that nick).
 */
public record DisplayLine(Style style, String text, String nick) {

    public DisplayLine(Style style, String text) {
        this(style, text, null);
    }

    public static DisplayLine info(String text) {
        return new DisplayLine(Style.INFO, text);
    }

    public static DisplayLine error(String text) {
        return new DisplayLine(Style.ERROR, text);
    }

    /** The same line, styled {@code value}. */
    public DisplayLine withStyle(Style value) {
        return new DisplayLine(value, text, nick);
    }
}
