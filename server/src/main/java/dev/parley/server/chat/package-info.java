/**
 * The chat domain: rooms, nicks, members and fan-out. Knows IRC messages (to fan them out) but not
 * sockets, SQL or command parsing. Outward ports: {@link dev.parley.server.chat.MessageSink}; a cluster's: {@link
 * dev.parley.server.chat.RoomBus}, {@link dev.parley.server.chat.NickLeases}, {@link
 * dev.parley.server.chat.RoomWatch}, {@link dev.parley.server.chat.OtherNodes} and, inward, {@link
 * dev.parley.server.chat.Orders}.
 */
package dev.parley.server.chat;
