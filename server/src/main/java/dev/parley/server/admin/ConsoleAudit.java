package dev.parley.server.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code audit} logger, the one IRC operator actions go to: a console action is logged there
 * with who did it ({@code admin console: NAME from IP}), so one file tells everything operators did.
 */
final class ConsoleAudit {

    static final Logger LOG = LoggerFactory.getLogger("audit");

    private ConsoleAudit() {}
}
