package dev.parley.client.tui;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * irssi's window keys on a JLine reader: Alt+1 … Alt+9 and Alt+0 (window 10), Ctrl+N and Ctrl+P,
 * and Page Up / Page Down, which move half a screen as irssi's do.
 */
final class WindowKeyBindings {

    private WindowKeyBindings() {}

    static void bind(LineReader reader, WindowKeys keys) {
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        for (int digit = 0; digit <= 9; digit++) {
            int number = digit == 0 ? 10 : digit;
            String widget = "parley-window-" + number;
            reader.getWidgets().put(widget, () -> {
                keys.selectWindow(number);
                return true;
            });
            main.bind(new Reference(widget), KeyMap.alt((char) ('0' + digit)));
        }
        reader.getWidgets().put("parley-window-next", () -> {
            keys.moveWindow(1);
            return true;
        });
        reader.getWidgets().put("parley-window-previous", () -> {
            keys.moveWindow(-1);
            return true;
        });
        main.bind(new Reference("parley-window-next"), KeyMap.ctrl('N'));
        main.bind(new Reference("parley-window-previous"), KeyMap.ctrl('P'));
        bindPaging(reader, keys, main);
    }

    private static void bindPaging(LineReader reader, WindowKeys keys, KeyMap<Binding> main) {
        Terminal terminal = reader.getTerminal();
        reader.getWidgets().put("parley-page-up", () -> {
            int rows = feedRows(terminal);
            keys.scrollWindow(Math.max(1, rows / 2), rows);
            return true;
        });
        reader.getWidgets().put("parley-page-down", () -> {
            int rows = feedRows(terminal);
            keys.scrollWindow(-Math.max(1, rows / 2), rows);
            return true;
        });
        bindKey(main, "parley-page-up", KeyMap.key(terminal, InfoCmp.Capability.key_ppage), "\u001b[5~");
        bindKey(main, "parley-page-down", KeyMap.key(terminal, InfoCmp.Capability.key_npage), "\u001b[6~");
    }

    /** Binds the terminal's own sequence for the key, when it has one, and the usual VT one. */
    private static void bindKey(KeyMap<Binding> main, String widget, String fromTerminal, String vt) {
        if (fromTerminal != null && !fromTerminal.isEmpty()) {
            main.bind(new Reference(widget), fromTerminal);
        }
        main.bind(new Reference(widget), vt);
    }

    /** The rows the feed has: the status line and the input line take two. */
    private static int feedRows(Terminal terminal) {
        return Math.max(1, terminal.getHeight() - 2);
    }
}
