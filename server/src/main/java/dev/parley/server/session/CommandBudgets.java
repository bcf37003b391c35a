package dev.parley.server.session;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-connection rate limits of single commands that cost the server more than a line (SEARCH), on
 * top of the flood budget every line spends. Owned by the session's event loop.
 */
public final class CommandBudgets {

    private final Map<String, FloodBudget> budgets = new HashMap<>();

    /** The budget for {@code verb}, made by {@code fresh} the first time. */
    public FloodBudget of(String verb, Supplier<FloodBudget> fresh) {
        return budgets.computeIfAbsent(verb, v -> fresh.get());
    }
}
