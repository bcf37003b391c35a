package dev.parley.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One row of the API's table: a method, a path under {@code /admin/api/} whose {@code {}} segments
 * are parameters ({@code users/{}/kill}), and what answers it.
 */
record AdminRoute(String method, String pattern, Handler handler) {

    /** Answers a call; runs on the blocking pool, so it may read the database, never bcrypt. */
    @FunctionalInterface
    interface Handler {
        CompletionStage<AdminResponse> handle(AdminCall call);
    }

    static AdminRoute get(String pattern, Handler handler) {
        return new AdminRoute("GET", pattern, handler);
    }

    static AdminRoute post(String pattern, Handler handler) {
        return new AdminRoute("POST", pattern, handler);
    }

    static AdminRoute delete(String pattern, Handler handler) {
        return new AdminRoute("DELETE", pattern, handler);
    }

    /** The parameters when the segments fit the pattern (method aside); empty otherwise. */
    Optional<List<String>> match(List<String> segments) {
        String[] parts = pattern.split("/");
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("{}")) {
                params.add(segments.get(i));
            } else if (!parts[i].equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
