/**
 * Per-connection state ({@link dev.parley.server.session.Session}), the inbound queue with flood
 * control, and {@link dev.parley.server.session.Replies}. Knows the chat core; never sockets (the
 * transport implements {@link dev.parley.server.session.Connection}) and never command logic.
 */
package dev.parley.server.session;
