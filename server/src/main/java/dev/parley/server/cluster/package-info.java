/**
 * Several nodes acting as one server: the Redis (Lettuce) implementations of the chat core's
 * cluster ports ({@code chat.RoomBus}, {@code chat.NickLeases}, {@code chat.RoomWatch}, {@code
 * chat.OtherNodes}, which carries KILL, KICK and ban changes to other nodes, {@code chat.MemberEvents}
 * and {@code chat.RemoteMembers}, room membership and room state across nodes) and of the limits'
 * ports in {@code auth} ({@code AttemptCounters}, {@code ConnectionCounts}). Only a node with
 * {@code cluster.redis-url} set builds anything here; a single node never loads Lettuce. Depends on
 * chat, auth, store and config; never on session, command or transport (orders heard from other
 * nodes are carried out through the {@code chat.Orders} port). Lettuce calls back on
 * its own threads: everything that touches the order of a room runs on the one cluster thread.
 */
package dev.parley.server.cluster;
