/**
 * Per-connection state ({@link dev.parley.server.session.Session}), the inbound queue with flood
 * control, {@link dev.parley.server.session.Replies} and deferred replies, and what acts on one
 * connection for several commands: its end ({@link dev.parley.server.session.Departures}), its
 * timers ({@link dev.parley.server.session.KeepAlive}), the capabilities it may negotiate, its read
 * markers, user modes, metadata subscriptions and the NAMES/metadata replies it receives.
 *
 * <p>Knows the chat core; never sockets (the transport implements {@link
 * dev.parley.server.session.Connection}) and never command parsing.
 */
package dev.parley.server.session;
