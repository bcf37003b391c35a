package dev.parley.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP reloads the configuration as REHASH does (what can change at runtime, the TLS certificate;
 * what needs a restart is refused in the log), as daemons do. Uses
 * {@code sun.misc.Signal} from the {@code jdk.unsupported} module, the JDK's only way to catch a
 * signal; where it is missing, REHASH still works. Reached reflectively, so the build can treat every
 * compiler warning as an error (javac's warning about that internal API cannot be suppressed).
 */
final class ReloadOnHangup {

    private static final Logger log = LoggerFactory.getLogger(ReloadOnHangup.class);

    private ReloadOnHangup() {}

    /** @param reload the reload; it logs what it did */
    static void install(Runnable reload) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onHangup = Proxy.newProxyInstance(
                    handler.getClassLoader(), new Class<?>[] {handler}, new HangupHandler(reload));
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance("HUP"), onHangup);
        } catch (ReflectiveOperationException
                | IllegalArgumentException
                | UnsupportedOperationException
                | LinkageError e) {
            log.debug("SIGHUP cannot be caught here; use REHASH to reload", e);
        }
    }

    /** {@code SignalHandler.handle}: the reload runs on its own thread, never on the signal's. */
    private record HangupHandler(Runnable reload) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "ReloadOnHangup";
                };
            }
            Thread worker = new Thread(reload, "parley-reload");
            worker.setDaemon(true);
            worker.start();
            return null;
        }
    }
}
