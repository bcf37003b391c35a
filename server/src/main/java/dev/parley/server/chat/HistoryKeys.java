package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;

/** The history key of a conversation: a room's casefolded name, or both casefolded nicks of a private one. */
public final class HistoryKeys {

    private HistoryKeys() {}

    public static String direct(CaseMapping caseMapping, String a, String b) {
        String x = caseMapping.fold(a);
        String y = caseMapping.fold(b);
        return x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
    }
}
