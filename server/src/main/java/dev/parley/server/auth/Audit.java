package dev.parley.server.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code audit} logger: who did what with operator powers (OPER, BAN and its lifting, KILL,
 * REDACT, REHASH) and account changes. A logger name of its own, outside {@code dev.parley}, so an
 * operator can send it to a file of its own, and {@code logging.level} does not silence it.
 */
public final class Audit {

    public static final Logger LOG = LoggerFactory.getLogger("audit");

    private Audit() {}
}
