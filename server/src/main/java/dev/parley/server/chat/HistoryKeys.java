package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.StoredMessage;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The history key of a conversation: a room's casefolded name, or for a private conversation the
 * identities of both sides, sorted and joined by a space. A side logged in to an account is
 * {@code ~account} (casefolded; '~' cannot start a nick), so a conversation between accounts stays
 * theirs whatever nicks they used. A guest is its connection's guest identity ({@code !} and 128
 * random bits, minted when the connection opens), so whoever holds the nick next, in this process or
 * after a restart, neither reads the guest's conversations nor counts as the author of its messages.
 * Guest identities are for keys and authorship only: users always see nicks.
 */
public final class HistoryKeys {

    private static final String ACCOUNT_MARK = "~";
    private static final String GUEST_MARK = "!";
    private static final int GUEST_ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private HistoryKeys() {}

    /** A new guest identity: unguessable, and never equal to a nick, an account or a room key. */
    public static String mintGuestIdentity() {
        byte[] bytes = new byte[GUEST_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return GUEST_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code ~account} for a logged-in user, the connection's guest identity for a guest. */
    public static String identity(CaseMapping caseMapping, ChatUser user) {
        String account = user.account();
        return account != null ? ACCOUNT_MARK + caseMapping.fold(account) : user.guestIdentity();
    }

    /**
     * The identity a name stands for when no connection holds it: {@code ~account}, or else the
     * casefolded nick. Only rows stored before guests had identities of their own carry a folded nick;
     * no connection has one as its identity, so a key built with it reaches only those old rows, and
     * only for the account on its other side.
     */
    public static String byName(CaseMapping caseMapping, String nick, String account) {
        return account != null ? ACCOUNT_MARK + caseMapping.fold(account) : caseMapping.fold(nick);
    }

    /** Who sent a stored message, as {@link #identity} says; rows stored without it fall back to {@link #byName}. */
    public static String sender(CaseMapping caseMapping, StoredMessage message) {
        return message.senderIdentity() != null
                ? message.senderIdentity()
                : byName(caseMapping, message.senderNick(), message.senderAccount());
    }

    /** The key of the conversation between two identities (from {@link #identity}); order does not matter. */
    public static String direct(String identityA, String identityB) {
        return identityA.compareTo(identityB) <= 0 ? identityA + " " + identityB : identityB + " " + identityA;
    }
}
