package dev.parley.server.admin;

import dev.parley.server.auth.LoginCheck;
import dev.parley.server.auth.OperOutcome;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Console logins. A login is an IRC {@code OPER} by another door: the same check
 * ({@link LoginCheck#oper}: an {@code auth.operators} entry or an account with the operator
 * flag, bcrypt on the password-check pool) and the same failed-login limits, so the console gives
 * an attacker no more guesses than IRC does. A user without operator rights is refused as a wrong
 * password is, telling nothing about which it was.
 */
final class AdminLogin {

    private final LoginCheck check;
    private final AdminSessions sessions;

    AdminLogin(LoginCheck check, AdminSessions sessions) {
        this.check = check;
        this.sessions = sessions;
    }

    CompletionStage<AdminResponse> logIn(AdminRequest request) {
        FormFields form = FormFields.parse(request.bodyText());
        String name = form.get("name").orElse("");
        String password = form.exact("password").orElse("");
        String ip = request.remoteIp();
        if (name.isEmpty() || password.isEmpty()) {
            return CompletableFuture.completedFuture(AdminResponse.error(400, "give a name and a password"));
        }
        return check.oper(name, password, ip)
                .handle((outcome, error) -> concluded(error == null ? outcome : new OperOutcome.Busy(), name, request));
    }

    private AdminResponse concluded(OperOutcome outcome, String name, AdminRequest request) {
        if (outcome instanceof OperOutcome.Granted granted) {
            ConsoleLogin login = sessions.open(granted.name(), request.remoteIp());
            ConsoleAudit.LOG.info("{} logged in", login);
            return AdminResponse.ok(state(login)).withHeader("Set-Cookie", sessions.cookie(login, request.secure()));
        }
        ConsoleAudit.LOG.info("admin console: failed login as {} from {}: {}", name, request.remoteIp(), outcome);
        if (outcome instanceof OperOutcome.Throttled throttled) {
            long seconds = LoginCheck.seconds(throttled.retryAfter());
            return AdminResponse.error(429, "Too many failed attempts; try again in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        if (outcome instanceof OperOutcome.Busy) {
            return AdminResponse.error(503, "Server busy; try again in a moment")
                    .withHeader("Retry-After", "1");
        }
        return AdminResponse.error(401, "Wrong name or password, or not an operator");
    }

    /** {@code GET /admin/api/session}: whether the cookie is a login, and its CSRF token (after a page reload). */
    AdminResponse state(Optional<ConsoleLogin> who) {
        return who.map(login -> AdminResponse.ok(state(login)))
                .orElseGet(() -> AdminResponse.ok(Json.object("loggedIn", false)));
    }

    private static Object state(ConsoleLogin login) {
        return Json.object("loggedIn", true, "operator", login.operator(), "csrf", login.csrf());
    }

    AdminResponse logOut(ConsoleLogin login, AdminRequest request) {
        sessions.close(login);
        ConsoleAudit.LOG.info("{} logged out", login);
        return AdminResponse.ok(Json.object("loggedIn", false))
                .withHeader("Set-Cookie", AdminSessions.clearedCookie(request.secure()));
    }
}
