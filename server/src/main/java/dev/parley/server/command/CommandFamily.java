package dev.parley.server.command;

import java.util.List;

/** A group of related verbs (one class per family), contributing rows to the command table. */
public interface CommandFamily {
    List<CommandSpec> commands();
}
