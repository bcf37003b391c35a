/**
 * A strict, dumb IRC test client for driving a real server over a socket, and small line
 * predicates for what a test expects to read; and a TCP proxy that can cut or freeze the way to a
 * database, for fault tests.
 *
 * <p>Deliberately not the product client, so a bug there cannot hide the same bug here: it speaks
 * plain blocking {@link java.net.Socket}, waits with deadlines (never fixed sleeps), and fails
 * loudly, with the transcript, on anything the server should not have sent. Depends on
 * {@code dev.parley.protocol} only.
 */
package dev.parley.testkit;
