package dev.parley.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's front door: every request under {@code /admin/api/} passes here. Login and the
 * login state are open; everything else needs a console login (its cookie), and every request
 * that changes something also its CSRF token in {@code X-CSRF-Token} (the cookie is
 * {@code SameSite=Strict} and the transport refuses foreign origins besides: three locks, so one
 * browser bug does not open the door). The matching handler then runs on the blocking pool.
 */
public final class AdminApi {

    public static final String PREFIX = "/admin/api/";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

    private final AdminSessions sessions;
    private final AdminLogin login;
    private final List<AdminRoute> routes;
    private final Executor blocking;

    AdminApi(AdminSessions sessions, AdminLogin login, List<AdminRoute> routes, Executor blocking) {
        this.sessions = sessions;
        this.login = login;
        this.routes = List.copyOf(routes);
        this.blocking = blocking;
    }

    /** The answer to a request whose path starts with {@link #PREFIX}; never fails. */
    public CompletionStage<AdminResponse> answer(AdminRequest request) {
        Optional<List<String>> segments = segments(request.rawPath());
        if (segments.isEmpty()) {
            return done(AdminResponse.error(404, "no such endpoint"));
        }
        List<String> path = segments.get();
        if (path.equals(List.of("login")) && request.method().equals("POST")) {
            return login.logIn(request);
        }
        Optional<ConsoleLogin> who = sessions.find(request.header("cookie"));
        if (path.equals(List.of("session")) && request.method().equals("GET")) {
            return done(login.state(who));
        }
        if (who.isEmpty()) {
            return done(AdminResponse.error(401, "log in first"));
        }
        if (!request.method().equals("GET") && !AdminSessions.csrfMatches(who.get(), request.header(CSRF_HEADER))) {
            log.info("{}: {} {} refused: missing or wrong CSRF token", who.get(), request.method(), request.rawPath());
            return done(AdminResponse.error(403, "missing or wrong CSRF token"));
        }
        if (path.equals(List.of("logout")) && request.method().equals("POST")) {
            return done(login.logOut(who.get(), request));
        }
        return route(request, who.get(), path);
    }

    private CompletionStage<AdminResponse> route(AdminRequest request, ConsoleLogin who, List<String> path) {
        boolean pathKnown = false;
        for (AdminRoute route : routes) {
            Optional<List<String>> params = route.match(path);
            if (params.isPresent() && route.method().equals(request.method())) {
                AdminCall call = new AdminCall(request, who, params.get(), FormFields.parse(request.bodyText()));
                return run(route, call);
            }
            pathKnown |= params.isPresent();
        }
        return done(
                pathKnown
                        ? AdminResponse.error(405, "method not allowed here")
                        : AdminResponse.error(404, "no such endpoint"));
    }

    private CompletionStage<AdminResponse> run(AdminRoute route, AdminCall call) {
        return CompletableFuture.supplyAsync(() -> route.handler().handle(call), blocking)
                .thenCompose(Function.identity())
                .exceptionally(error -> {
                    log.error(
                            "{}: {} {} failed",
                            call.login(),
                            call.request().method(),
                            call.request().rawPath(),
                            error);
                    return AdminResponse.error(500, "internal error (see the server log)");
                });
    }

    /** The decoded segments after the prefix ({@code users/%23x} is [users, #x]); empty when outside it. */
    static Optional<List<String>> segments(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(PREFIX.length()).split("/", -1)) {
            segments.add(FormFields.decode(segment.replace("+", "%2B")));
        }
        return Optional.of(segments);
    }

    private static CompletionStage<AdminResponse> done(AdminResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
