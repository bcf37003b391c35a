package dev.parley.client.tui;

import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/** irssi's window keys on a JLine reader: Alt+1 … Alt+9 and Alt+0 (window 10), Ctrl+N and Ctrl+P. */
final class WindowKeyBindings {

    private WindowKeyBindings() {}

    static void bind(LineReader reader, WindowKeys keys) {
        KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
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
    }
}
