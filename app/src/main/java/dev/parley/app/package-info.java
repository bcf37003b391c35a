/**
 * The {@code parley} command line (picocli): parses flags, loads the config snapshot, and starts
 * the server or runs a maintenance task. It wires things together and holds no chat logic.
 */
package dev.parley.app;
