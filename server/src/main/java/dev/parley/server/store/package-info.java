/**
 * Storage ports (messages, bans, accounts, read markers) and their records. Implementations live in {@code store.jdbc}
 * (SQLite, and later MySQL/MariaDB and PostgreSQL) and {@code store.memory}. Nothing here knows IRC
 * commands, sessions or sockets.
 */
package dev.parley.server.store;
