/**
 * Netty only: listeners, pipelines, line framing and decoding, and the {@code Connection}
 * implementation. The one bridge into the server is {@code ConnectionHandler}.
 */
package dev.parley.server.transport;
