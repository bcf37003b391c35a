/**
 * IRC verbs: the command table ({@link dev.parley.server.command.CommandDispatcher}, its
 * {@link dev.parley.server.command.CommandSpec} rows and the per-command
 * {@link dev.parley.server.command.CommandContext}) and one {@code *Commands} family per group of
 * verbs, each built with exactly the components it uses.
 *
 * <p>Nothing but commands and dispatch lives here: a service several commands share (read markers,
 * server replies, registration ...) lives in the package that owns what it does. Depends on the
 * domain packages; only {@code ParleyServer} (which wires the families) and the transport (which feeds
 * lines) depend on it.
 */
package dev.parley.server.command;
