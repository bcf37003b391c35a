/**
 * The IRC client core: {@link dev.parley.client.core.IrcClient} connects, registers (CAP, PASS,
 * NICK, USER), keeps an immutable {@link dev.parley.client.core.ClientState} and tells a listener
 * {@link dev.parley.client.core.ClientEvent}s; it reconnects with back-off. It knows IRC only
 * through {@code dev.parley.protocol} and must not depend on the UI ({@code tui}) or on JLine, so
 * tests and the benchmark can reuse it.
 */
package dev.parley.client.core;
