package dev.parley.server.admin;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.Mask;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Room;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserSnapshot;
import dev.parley.server.session.Departures;
import dev.parley.server.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Users online: search, a WHOIS-like view, KICK from a room and KILL. */
final class UserEndpoints {

    /** Users a search returns at most: a console list, not an export. */
    static final int MAX_RESULTS = 200;

    private final Nicks nicks;
    private final Rooms rooms;
    private final ConsoleKicks kicks;
    private final Departures departures;
    private final CaseMapping caseMapping;
    private final Clock clock;

    UserEndpoints(Nicks nicks, Rooms rooms, ConsoleKicks kicks, Departures departures, Clock clock) {
        this.nicks = nicks;
        this.rooms = rooms;
        this.kicks = kicks;
        this.departures = departures;
        this.caseMapping = nicks.caseMapping();
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("users", this::search),
                AdminRoute.get("users/{}", this::detail),
                AdminRoute.post("users/{}/kick", this::kick),
                AdminRoute.post("users/{}/kill", this::kill));
    }

    /** {@code ?q=} a nick or a {@code nick!user@host} mask with wildcards; empty: everyone. */
    private CompletionStage<AdminResponse> search(AdminCall call) {
        String typed = call.query("q").strip();
        Mask mask = Mask.of(typed.isEmpty() ? "*" : Mask.normalize(typed), caseMapping);
        List<ChatUser> found = nicks.all().stream()
                .filter(user -> user.isRegistered() && mask.matches(user.source()))
                .sorted(Comparator.comparing(user -> caseMapping.fold(user.nick())))
                .toList();
        List<Object> rows = new ArrayList<>();
        found.stream().limit(MAX_RESULTS).forEach(user -> rows.add(summary(user.snapshot(), user)));
        return done(AdminResponse.ok(Json.object("users", rows, "total", found.size(), "shown", rows.size())));
    }

    private static Map<String, Object> summary(UserSnapshot user, ChatUser chatUser) {
        return Json.object(
                "nick",
                user.nick(),
                "source",
                user.source(),
                "account",
                user.account(),
                "operator",
                user.operatorName() != null,
                "rooms",
                Session.roomsOf(chatUser).size());
    }

    private CompletionStage<AdminResponse> detail(AdminCall call) {
        return done(online(call.param(0))
                .map(user -> AdminResponse.ok(whois(user)))
                .orElseGet(() -> noSuchUser(call.param(0))));
    }

    /** What WHOIS tells an operator, and the connection's own facts. */
    private Map<String, Object> whois(ChatUser chatUser) {
        UserSnapshot user = chatUser.snapshot();
        List<Object> in = new ArrayList<>();
        for (Room room : Session.roomsOf(chatUser)) {
            String prefix =
                    room.status(chatUser).map(status -> status.highestPrefix()).orElse("");
            in.add(Json.object("room", room.name(), "prefix", prefix));
        }
        Map<String, Object> whois = Json.object(
                "nick",
                user.nick(),
                "user",
                user.user(),
                "host",
                user.host(),
                "realname",
                user.realname(),
                "account",
                user.account(),
                "operator",
                user.operatorName(),
                "away",
                user.awayMessage(),
                "bot",
                user.bot(),
                "invisible",
                user.invisible(),
                "rooms",
                in,
                "signedOnAt",
                Instant.ofEpochMilli(user.signonMillis()).toString(),
                "idleSeconds",
                Math.max(0, (clock.millis() - user.lastMessageMillis()) / 1000),
                "caps",
                user.caps().toString());
        if (chatUser instanceof Session session) {
            whois.put("connection", session.connection().id());
            whois.put("address", session.connection().remoteIp());
        }
        return whois;
    }

    private CompletionStage<AdminResponse> kick(AdminCall call) {
        Optional<ChatUser> victim = online(call.param(0));
        if (victim.isEmpty()) {
            return done(noSuchUser(call.param(0)));
        }
        String roomName = call.form().get("room").orElse("");
        Optional<Room> room = rooms.find(roomName);
        String reason = call.form().get("reason").orElse("Kicked by an operator");
        if (room.isEmpty() || !kicks.kick(room.get(), victim.get(), reason)) {
            return done(AdminResponse.error(404, victim.get().nick() + " is not in " + roomName));
        }
        ConsoleAudit.LOG.info(
                "{} kicked {} from {}: {}",
                call.login(),
                victim.get().nick(),
                room.get().name(),
                reason);
        return done(AdminResponse.ok(
                Json.object("kicked", victim.get().nick(), "room", room.get().name())));
    }

    /** KILL: the user's connection closes with the QUIT an IRC KILL gives, naming the console's operator. */
    private CompletionStage<AdminResponse> kill(AdminCall call) {
        Optional<ChatUser> found = online(call.param(0));
        if (found.isEmpty()) {
            return done(noSuchUser(call.param(0)));
        }
        ChatUser victim = found.get();
        String reason = call.form().get("reason").orElse("Killed");
        String quit = "Killed (" + call.login().operator() + " (" + reason + "))";
        ConsoleAudit.LOG.info("{} killed {}: {}", call.login(), victim.nick(), reason);
        departures.expel(victim, quit);
        return done(AdminResponse.ok(Json.object("killed", victim.nick())));
    }

    private Optional<ChatUser> online(String nick) {
        return nicks.find(nick).filter(ChatUser::isRegistered);
    }

    private static AdminResponse noSuchUser(String nick) {
        return AdminResponse.error(404, "no user " + nick + " online");
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
