package dev.parley.server.admin;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Delivery;
import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.RoomModes;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/** Open rooms: the list, members, topic and modes of one, a new topic, new flag modes, and closing a room. */
final class RoomEndpoints {

    private static final Pattern FLAG_CHANGES = Pattern.compile("([+-][imnst]+)+");

    private final Rooms rooms;
    private final Delivery delivery;
    private final ConsoleKicks kicks;
    private final CaseMapping caseMapping;
    private final String serverName;
    private final IntSupplier maxTopicLength;
    private final Clock clock;

    RoomEndpoints(
            Rooms rooms,
            Delivery delivery,
            ConsoleKicks kicks,
            CaseMapping caseMapping,
            String serverName,
            IntSupplier maxTopicLength,
            Clock clock) {
        this.rooms = rooms;
        this.delivery = delivery;
        this.kicks = kicks;
        this.caseMapping = caseMapping;
        this.serverName = serverName;
        this.maxTopicLength = maxTopicLength;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("rooms", this::list),
                AdminRoute.get("rooms/{}", this::detail),
                AdminRoute.post("rooms/{}/topic", this::topic),
                AdminRoute.post("rooms/{}/modes", this::modes),
                AdminRoute.post("rooms/{}/close", this::close));
    }

    private CompletionStage<AdminResponse> list(AdminCall call) {
        List<Object> rows = new ArrayList<>();
        rooms.all().stream()
                .sorted(Comparator.comparing(room -> caseMapping.fold(room.name())))
                .forEach(room -> rows.add(Json.object(
                        "name",
                        room.name(),
                        "members",
                        room.members().size(),
                        "topic",
                        topicText(room),
                        "modes",
                        room.modes().render(false),
                        "registered",
                        room.isRegistered())));
        return done(AdminResponse.ok(Json.object("rooms", rows)));
    }

    private CompletionStage<AdminResponse> detail(AdminCall call) {
        return done(rooms.find(call.param(0))
                .map(room -> AdminResponse.ok(describe(room)))
                .orElseGet(() -> noSuchRoom(call.param(0))));
    }

    private Map<String, Object> describe(Room room) {
        List<Object> members = new ArrayList<>();
        room.members().entrySet().stream()
                .sorted(Comparator.comparing(
                        member -> caseMapping.fold(member.getKey().nick())))
                .forEach(member -> members.add(member(member.getKey(), member.getValue())));
        Topic topic = room.topic();
        return Json.object(
                "name",
                room.name(),
                "createdAt",
                Instant.ofEpochSecond(room.createdAtSeconds()).toString(),
                "registered",
                room.isRegistered(),
                "founder",
                room.founder(),
                "modes",
                room.modes().render(true),
                "topic",
                topic == null
                        ? null
                        : Json.object(
                                "text",
                                topic.text(),
                                "setBy",
                                topic.setBy(),
                                "setAt",
                                Instant.ofEpochSecond(topic.setAtSeconds()).toString()),
                "members",
                members);
    }

    private static Map<String, Object> member(ChatUser user, MemberStatus status) {
        return Json.object("nick", user.nick(), "prefix", status.allPrefixes(), "account", user.account());
    }

    /** TOPIC by the server: every member sees it, a registered room keeps it. An empty topic clears it. */
    private CompletionStage<AdminResponse> topic(AdminCall call) {
        Optional<Room> found = rooms.find(call.param(0));
        if (found.isEmpty()) {
            return done(noSuchRoom(call.param(0)));
        }
        Room room = found.get();
        String text = call.form().get("topic").orElse("");
        int max = maxTopicLength.getAsInt();
        text = text.length() > max ? text.substring(0, max) : text;
        String setBy = call.login().operator() + " (admin console)";
        room.setTopic(
                text.isEmpty() ? null : new Topic(text, setBy, clock.instant().getEpochSecond()));
        delivery.toRoom(IrcMessage.from(serverName, "TOPIC", room.name(), text), room, null);
        rooms.remember(room);
        ConsoleAudit.LOG.info("{} set the topic of {}: {}", call.login(), room.name(), text);
        return done(AdminResponse.ok(describe(room)));
    }

    /**
     * Field {@code flags}: {@code +m}, {@code -t}, {@code +mn-s}; the flag modes only (i, m, n, s,
     * t: keys, limits and lists stay with IRC's MODE). Members see one MODE line from the server
     * with what changed; a registered room keeps it.
     */
    private CompletionStage<AdminResponse> modes(AdminCall call) {
        Optional<Room> found = rooms.find(call.param(0));
        if (found.isEmpty()) {
            return done(noSuchRoom(call.param(0)));
        }
        String flags = call.form().get("flags").orElse("");
        if (!FLAG_CHANGES.matcher(flags).matches()) {
            return done(AdminResponse.error(400, "flags: such as +m, -t or +mn-s, with the modes i, m, n, s, t"));
        }
        Room room = found.get();
        String applied = applyFlags(room, flags);
        if (!applied.isEmpty()) {
            delivery.toRoom(IrcMessage.from(serverName, "MODE", room.name(), applied), room, null);
            rooms.remember(room);
            ConsoleAudit.LOG.info("{} set modes {} on {}", call.login(), applied, room.name());
        }
        return done(AdminResponse.ok(describe(room)));
    }

    /** Applies the flags; returns what changed, as a mode string ({@code +m-t}), or "". */
    private static String applyFlags(Room room, String flags) {
        StringBuilder applied = new StringBuilder();
        char sign = '+';
        char lastSign = ' ';
        for (char c : flags.toCharArray()) {
            if (c == '+' || c == '-') {
                sign = c;
                continue;
            }
            RoomModes current = room.modes();
            RoomModes updated = current.withFlag(c, sign == '+');
            if (!updated.equals(current)) {
                room.setModes(updated);
                applied.append(sign == lastSign ? "" : String.valueOf(sign)).append(c);
                lastSign = sign;
            }
        }
        return applied.toString();
    }

    /**
     * Kicks every member: the room, having emptied, closes. A registered room keeps its record
     * (topic, modes, founder) and opens again on the next JOIN, as it would after a restart.
     */
    private CompletionStage<AdminResponse> close(AdminCall call) {
        Optional<Room> found = rooms.find(call.param(0));
        if (found.isEmpty()) {
            return done(noSuchRoom(call.param(0)));
        }
        Room room = found.get();
        String reason = call.form().get("reason").orElse("Room closed by an operator");
        int kicked = 0;
        for (ChatUser member : List.copyOf(room.members().keySet())) {
            kicked += kicks.kick(room, member, reason) ? 1 : 0;
        }
        ConsoleAudit.LOG.info("{} closed {} ({}); {} kicked", call.login(), room.name(), reason, kicked);
        return done(AdminResponse.ok(Json.object("closed", room.name(), "kicked", kicked)));
    }

    private static String topicText(Room room) {
        return room.topic() == null ? "" : room.topic().text();
    }

    private static AdminResponse noSuchRoom(String name) {
        return AdminResponse.error(404, "no room " + name + " open");
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
