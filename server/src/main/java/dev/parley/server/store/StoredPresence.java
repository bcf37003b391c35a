package dev.parley.server.store;

import java.util.List;

/**
 * An always-on account's presence as it survives a restart: the nick it holds and the rooms it is
 * in, in the order it joined them.
 *
 * @param accountKey the casefolded account name
 */
public record StoredPresence(String accountKey, String account, String nick, String realname, List<String> rooms) {

    public StoredPresence {
        rooms = List.copyOf(rooms);
    }
}
