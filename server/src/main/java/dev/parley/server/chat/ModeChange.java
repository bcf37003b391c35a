package dev.parley.server.chat;

import java.util.ArrayList;
import java.util.List;

/** The mode changes actually applied by one MODE command, rendered as {@code +o-v nick nick}. */
public final class ModeChange {

    private final StringBuilder modes = new StringBuilder();
    private final List<String> params = new ArrayList<>();
    private char lastSign;

    public void add(boolean on, char mode, String param) {
        char sign = on ? '+' : '-';
        if (sign != lastSign) {
            modes.append(sign);
            lastSign = sign;
        }
        modes.append(mode);
        if (param != null) {
            params.add(param);
        }
    }

    public boolean isEmpty() {
        return modes.length() == 0;
    }

    /** The MODE parameters after the target: the mode string, then its arguments. */
    public List<String> asParams() {
        List<String> all = new ArrayList<>();
        all.add(modes.toString());
        all.addAll(params);
        return all;
    }
}
