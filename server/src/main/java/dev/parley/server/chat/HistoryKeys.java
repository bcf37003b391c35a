package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;

/**
 * The history key of a conversation: a room's casefolded name, or for a private conversation the
 * identities of both sides, sorted and joined by a space. A side logged in to an account is
 * {@code ~account} (casefolded; '~' cannot start a nick), a guest is its casefolded nick. So a
 * conversation between accounts stays theirs whatever nicks they used, and whoever takes a guest's
 * nick later, or registers it, does not read what an account said to that guest.
 */
public final class HistoryKeys {

    private static final String ACCOUNT_MARK = "~";

    private HistoryKeys() {}

    /** {@code ~account} for a logged-in user, the folded nick for a guest. */
    public static String identity(CaseMapping caseMapping, String nick, String account) {
        return account != null ? ACCOUNT_MARK + caseMapping.fold(account) : caseMapping.fold(nick);
    }

    public static String identity(CaseMapping caseMapping, ChatUser user) {
        return identity(caseMapping, user.nick(), user.account());
    }

    /** The key of the conversation between two identities (from {@link #identity}); order does not matter. */
    public static String direct(String identityA, String identityB) {
        return identityA.compareTo(identityB) <= 0 ? identityA + " " + identityB : identityB + " " + identityA;
    }

    /** The name to show for an identity: the account or the nick, without the mark. */
    public static String displayName(String identity) {
        return identity.startsWith(ACCOUNT_MARK) ? identity.substring(ACCOUNT_MARK.length()) : identity;
    }
}
