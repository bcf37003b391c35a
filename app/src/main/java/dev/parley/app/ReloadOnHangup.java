package dev.parley.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP reloads what can change without a restart (the TLS certificate), as daemons do. Uses
 * {@code sun.misc.Signal} from the {@code jdk.unsupported} module, the JDK's only way to catch a
 * signal; where it is missing, REHASH still works.
 */
final class ReloadOnHangup {

    private static final Logger log = LoggerFactory.getLogger(ReloadOnHangup.class);

    private ReloadOnHangup() {}

    static void install(Runnable reload) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                Thread worker = new Thread(reload, "parley-reload");
                worker.setDaemon(true);
                worker.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.debug("SIGHUP cannot be caught here; use REHASH to reload", e);
        }
    }
}
