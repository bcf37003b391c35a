package dev.parley.server.admin;

import java.util.List;

/**
 * A request that passed the checks (logged in, CSRF token), with what a handler reads of it.
 *
 * @param login who is asking
 * @param params the path's {@code {}} segments, decoded
 * @param form the body's fields
 */
record AdminCall(AdminRequest request, ConsoleLogin login, List<String> params, FormFields form) {

    String param(int index) {
        return params.get(index);
    }

    /** A query parameter, or "". */
    String query(String name) {
        return request.query().getOrDefault(name, "");
    }
}
