/**
 * The chat domain: rooms, nicks, members and fan-out. Knows IRC messages (to fan them out) but not
 * sockets, SQL or command parsing. Outward ports: {@link dev.parley.server.chat.MessageSink}.
 */
package dev.parley.server.chat;
