package dev.parley.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the server in order when the JVM is asked to exit (SIGTERM, Ctrl-C), then ends the process
 * with status 0. The JVM would report 143 after SIGTERM, but a service manager asking for a stop
 * and getting an orderly one is a success, so the hook halts with 0 once {@code stop} returned:
 * nothing is cut short, because the server's own shutdown has finished by then.
 */
final class StopOnExit {

    private static final Logger log = LoggerFactory.getLogger(StopOnExit.class);

    private final Thread hook;

    private StopOnExit(Runnable stop) {
        this.hook = new Thread(
                () -> {
                    log.info("Stopping (asked to exit)");
                    stop.run();
                    log.info("Stopped");
                    Runtime.getRuntime().halt(0);
                },
                "parley-shutdown");
    }

    static StopOnExit install(Runnable stop) {
        StopOnExit stopOnExit = new StopOnExit(stop);
        Runtime.getRuntime().addShutdownHook(stopOnExit.hook);
        return stopOnExit;
    }

    /** For a server that stopped on its own: the hook has nothing left to do. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is already running; it stops the server and ends the process itself.
            log.debug("Shutdown already in progress", shutdownInProgress);
        }
    }
}
