package dev.parley.server;

import dev.parley.server.config.ParleyConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PLACEHOLDER so the app compiles while the real server is written; replaced at merge. It binds
 * nothing: {@link #boundAddresses()} reports the configured addresses, {@link #awaitStop()} waits
 * for {@link #stop()}.
 */
public final class ParleyServer {

    private final ParleyConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public ParleyServer(ParleyConfig config) {
        this.config = config;
    }

    public void start() throws Exception {}

    public List<InetSocketAddress> boundAddresses() {
        return config.server().listen().stream()
                .map(a -> InetSocketAddress.createUnresolved(a.host(), a.port()))
                .toList();
    }

    public void stop() {
        stopped.countDown();
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
