package dev.parley.server.command;

/**
 * One row of the command table: the checks the dispatcher makes before calling the handler.
 *
 * @param verb the command, upper case
 * @param minParams fewer parameters get 461 ERR_NEEDMOREPARAMS
 * @param needsRegistration before registration the command gets 451 ERR_NOTREGISTERED
 * @param operatorOnly non-operators get 481 ERR_NOPRIVILEGES
 * @param floodCost tokens the flood budget spends on it (0: free)
 * @param handler what runs once the checks pass
 */
public record CommandSpec(
        String verb,
        int minParams,
        boolean needsRegistration,
        boolean operatorOnly,
        double floodCost,
        CommandHandler handler) {

    /** A command for registered users, costing one flood token. */
    public static CommandSpec registered(String verb, int minParams, CommandHandler handler) {
        return new CommandSpec(verb, minParams, true, false, 1.0, handler);
    }

    /** A command usable before registration too. */
    public static CommandSpec anytime(String verb, int minParams, CommandHandler handler) {
        return new CommandSpec(verb, minParams, false, false, 1.0, handler);
    }

    /** A command for server operators. */
    public static CommandSpec operator(String verb, int minParams, CommandHandler handler) {
        return new CommandSpec(verb, minParams, true, true, 1.0, handler);
    }

    public CommandSpec withFloodCost(double cost) {
        return new CommandSpec(verb, minParams, needsRegistration, operatorOnly, cost, handler);
    }
}
