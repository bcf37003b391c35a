package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Who holds which nick, by casefolded nick. A nick is claimed at NICK time, before registration. */
public final class Nicks {

    private final ConcurrentHashMap<String, ChatUser> byNick = new ConcurrentHashMap<>();
    private final CaseMapping caseMapping;
    private final NickLeases leases;

    public Nicks(CaseMapping caseMapping) {
        this(caseMapping, NickLeases.LOCAL);
    }

    /** Nicks shared with other nodes through {@code leases}. */
    public Nicks(CaseMapping caseMapping, NickLeases leases) {
        this.caseMapping = caseMapping;
        this.leases = leases;
    }

    /** Claims {@code nick} for {@code user}; false when someone else, here or on another node, holds it. */
    public boolean claim(String nick, ChatUser user) {
        String key = caseMapping.fold(nick);
        if (leases.heldElsewhere(key)) {
            return false;
        }
        ChatUser holder = byNick.putIfAbsent(key, user);
        if (holder == null) {
            leases.claimed(key);
        }
        return holder == null || holder == user;
    }

    /**
     * Hands {@code nick} from {@code squatter}, a connection still registering, to {@code owner}, the
     * nick's account logging in: an unregistered connection must not hold a registered nick against
     * its owner. False when someone else holds it by now, or the squatter has registered.
     */
    public boolean takeFrom(String nick, ChatUser squatter, ChatUser owner) {
        return !squatter.isRegistered() && byNick.replace(caseMapping.fold(nick), squatter, owner);
    }

    /** Hands the nick from {@code from} to {@code to} (a connection to its account's presence); false when {@code from} no longer holds it. */
    public boolean replace(String nick, ChatUser from, ChatUser to) {
        return byNick.replace(caseMapping.fold(nick), from, to);
    }

    /** Whoever holds the nick, registered or still registering. */
    public Optional<ChatUser> holder(String nick) {
        return Optional.ofNullable(byNick.get(caseMapping.fold(nick)));
    }

    /** Releases {@code nick} if {@code user} holds it. */
    public void release(String nick, ChatUser user) {
        if (nick != null) {
            String key = caseMapping.fold(nick);
            if (byNick.remove(key, user)) {
                leases.released(key);
            }
        }
    }

    /** The registered user holding the nick. */
    public Optional<ChatUser> find(String nick) {
        ChatUser user = byNick.get(caseMapping.fold(nick));
        return user != null && user.isRegistered() ? Optional.of(user) : Optional.empty();
    }

    /** The cluster node holding the nick, when a user on another node does. */
    public Optional<String> elsewhere(String nick) {
        return Optional.ofNullable(leases.nodeHolding(caseMapping.fold(nick)));
    }

    /** How many nicks are held, by registered users and by connections still registering. */
    public int count() {
        return byNick.size();
    }

    /** Every holder, registered or not. */
    public Collection<ChatUser> all() {
        return byNick.values();
    }

    public CaseMapping caseMapping() {
        return caseMapping;
    }
}
