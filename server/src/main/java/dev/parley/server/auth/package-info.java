/**
 * Who may connect: the server ban list ({@link dev.parley.server.auth.Bans}, checked at registration,
 * changed by BAN/UNBAN) and the seed's {@code ban.txt} import/export ({@link
 * dev.parley.server.auth.BanFile}); accounts, password hashing and SASL belong here too, and the
 * {@link dev.parley.server.auth.Audit} log of operator actions. Anything
 * blocking (store writes, bcrypt, files) runs on a pool handed in by the caller, never an event loop.
 *
 * <p>Depends on {@code store} ports, {@code config} and the protocol's names and masks only: never on
 * {@code store.jdbc}, transport, session or command (those call into this package, not the reverse).
 */
package dev.parley.server.auth;
