package dev.parley.client.tui;

/** One line to show the user: plain text and its style. */
public record DisplayLine(Style style, String text) {

    public static DisplayLine info(String text) {
        return new DisplayLine(Style.INFO, text);
    }

    public static DisplayLine error(String text) {
        return new DisplayLine(Style.ERROR, text);
    }
}
