/**
 * What the user sees and types: the table of slash commands ({@link dev.parley.client.tui.SlashCommands}),
 * the pure {@link dev.parley.client.tui.MessageFormatter} with the seed's {@code [room] [nick]: text}
 * format, the JLine {@link dev.parley.client.tui.TerminalUi} and the {@link dev.parley.client.tui.PlainUi}
 * for scripts. Builds IRC lines only as {@code IrcMessage}s; depends on {@code core}, never the reverse.
 */
package dev.parley.client.tui;
