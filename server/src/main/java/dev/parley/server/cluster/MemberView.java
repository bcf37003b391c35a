package dev.parley.server.cluster;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.RemoteMembers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Per room this node listens to, its members on the other nodes, by casefolded nick. Changed only
 * on the cluster thread, each room's map replaced whole; event loops read the current maps.
 */
final class MemberView implements RemoteMembers {

    private final Map<String, Map<String, RemoteMember>> byRoom = new ConcurrentHashMap<>();
    private final CaseMapping names;
    private final ClusterNickLeases leases;
    private final ClusterUsers users;

    MemberView(CaseMapping names, ClusterNickLeases leases, ClusterUsers users) {
        this.names = names;
        this.leases = leases;
        this.users = users;
    }

    /** A user of another node, found by the node holding the nick (asked of Redis; completes later). */
    @Override
    public CompletableFuture<Optional<RemoteMember>> lookup(String nick) {
        Optional<RemoteMember> known = find(nick);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        String node = leases.nodeHolding(names.fold(nick));
        return node == null ? CompletableFuture.completedFuture(Optional.empty()) : users.find(node, nick);
    }

    @Override
    public Collection<RemoteMember> in(String roomKey) {
        return byRoom.getOrDefault(roomKey, Map.of()).values();
    }

    @Override
    public Optional<RemoteMember> find(String nick) {
        String folded = names.fold(nick);
        for (Map<String, RemoteMember> members : byRoom.values()) {
            RemoteMember member = members.get(folded);
            if (member != null) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> roomsOf(String nick) {
        String folded = names.fold(nick);
        List<String> found = new ArrayList<>();
        byRoom.forEach((room, members) -> {
            if (members.containsKey(folded)) {
                found.add(room);
            }
        });
        return found;
    }

    @Override
    public int usersElsewhere() {
        return leases.countElsewhere();
    }

    String fold(String nick) {
        return names.fold(nick);
    }

    boolean has(String roomKey, String nick) {
        return byRoom.getOrDefault(roomKey, Map.of()).containsKey(names.fold(nick));
    }

    void put(String roomKey, RemoteMember member) {
        change(roomKey, members -> members.put(names.fold(member.nick()), member));
    }

    RemoteMember remove(String roomKey, String nick) {
        RemoteMember[] removed = {null};
        change(roomKey, members -> removed[0] = members.remove(names.fold(nick)));
        return removed[0];
    }

    /** Changes the member named {@code nick} (and files it under its possibly new nick). */
    void update(String roomKey, String nick, UnaryOperator<RemoteMember> how) {
        change(roomKey, members -> {
            RemoteMember member = members.remove(names.fold(nick));
            if (member != null) {
                RemoteMember changed = how.apply(member);
                members.put(names.fold(changed.nick()), changed);
            }
        });
    }

    /**
     * The room's members as fetched from Redis: with what events since the room opened added, or,
     * read {@code again} (Redis is back, and events were lost meanwhile), in place of what was known.
     */
    void fetched(String roomKey, Map<String, RemoteMember> found, boolean again) {
        change(roomKey, members -> {
            Map<String, RemoteMember> heard = again ? Map.of() : new LinkedHashMap<>(members);
            members.clear();
            members.putAll(found);
            members.putAll(heard);
        });
    }

    /** Follows the room from now on; false when it was followed already. */
    boolean opened(String roomKey) {
        return byRoom.putIfAbsent(roomKey, Map.of()) == null;
    }

    void closed(String roomKey) {
        byRoom.remove(roomKey);
    }

    boolean isOpen(String roomKey) {
        return byRoom.containsKey(roomKey);
    }

    /** Takes out every member of {@code node}: each one with the keys of the rooms it was in. */
    Map<RemoteMember, List<String>> removeNode(String node) {
        Map<String, RemoteMember> byNick = new LinkedHashMap<>();
        Map<RemoteMember, List<String>> gone = new LinkedHashMap<>();
        for (String roomKey : List.copyOf(byRoom.keySet())) {
            change(
                    roomKey,
                    members -> members.values().removeIf(member -> {
                        if (!member.node().equals(node)) {
                            return false;
                        }
                        RemoteMember first = byNick.computeIfAbsent(names.fold(member.nick()), k -> member);
                        gone.computeIfAbsent(first, k -> new ArrayList<>()).add(roomKey);
                        return true;
                    }));
        }
        return gone;
    }

    private void change(String roomKey, java.util.function.Consumer<Map<String, RemoteMember>> how) {
        Map<String, RemoteMember> current = byRoom.get(roomKey);
        if (current == null) {
            return;
        }
        Map<String, RemoteMember> next = new LinkedHashMap<>(current);
        how.accept(next);
        byRoom.put(roomKey, java.util.Collections.unmodifiableMap(next));
    }
}
