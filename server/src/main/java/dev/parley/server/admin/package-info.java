/**
 * The admin console's HTTP API ({@code /admin/api/...}): operator logins with cookie sessions and
 * CSRF tokens, and the endpoints over the server's own components. Each action goes through the
 * same domain path as its IRC command (a ban through {@code command.ServerBan}, a KICK through
 * {@code chat.Delivery}, a kill through {@code command.Departures}) and is written to the
 * {@code audit} logger. Knows no Netty: the transport hands it an {@link
 * dev.parley.server.admin.AdminRequest} and writes back the {@link
 * dev.parley.server.admin.AdminResponse}. Blocking work runs on the blocking pool, bcrypt on the
 * password-check pool; never an event loop.
 */
package dev.parley.server.admin;
