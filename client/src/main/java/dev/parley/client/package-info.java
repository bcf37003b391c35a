/**
 * The Parley terminal client: {@link dev.parley.client.ClientMain} (the {@code parley client} entry
 * point) and {@link dev.parley.client.ChatProgram} (start-up prompts, login, the input loop) on top
 * of {@code tui} (what the user sees and types) and {@code core} (the IRC client).
 */
package dev.parley.client;
