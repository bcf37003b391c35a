package dev.parley.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty reports a leaked buffer. Netty only logs a leak, and a log line in a green
 * build is read by nobody; a leak on the server's hot path is an out-of-memory error in production.
 *
 * <p>Netty notices a leak when the garbage collector has collected an unreleased buffer and a later
 * buffer is allocated, so after each test this collects garbage, allocates one buffer and fails with
 * Netty's record of where the leaked buffer was created and last touched. A leak found here may
 * belong to an earlier test whose buffer was collected late; the record says which. Netty tracks
 * buffers of its allocators ({@code ByteBufAllocator.DEFAULT}, a channel's {@code alloc()}), which
 * is what the server uses; {@code Unpooled} heap buffers are not tracked. A test after which no
 * buffer was tracked cannot have leaked one and is not made to wait for a collection: most unit
 * tests touch no buffer, and a collection after each added some 90 ms per test on a loaded 2-core box.
 *
 * <p>Registered for every server test by {@code META-INF/services} and
 * {@code junit.jupiter.extensions.autodetection.enabled} (and so for the client's and app's tests,
 * which have the server's test jar on their class path); it must be loaded before the first buffer
 * is allocated, because Netty creates its buffer leak detector once, when {@code AbstractByteBuf} is
 * first used.
 */
public final class BufferLeakExtension implements AfterEachCallback {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    /** Buffers tracked so far, and how many there were at the last check. */
    private static final AtomicLong TRACKED = new AtomicLong();

    private static final AtomicLong TRACKED_AT_LAST_CHECK = new AtomicLong();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        if (TRACKED.get() != TRACKED_AT_LAST_CHECK.get()) {
            collectGarbage();
            ByteBufAllocator.DEFAULT.buffer(1).release(); // Netty looks for collected leaks when it tracks a buffer
            TRACKED_AT_LAST_CHECK.set(TRACKED.get());
        }
        List<String> leaks = drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) after "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /** Returns once a collection has run and its weak references were queued, or after a few tries. */
    private static void collectGarbage() throws InterruptedException {
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), collected);
        for (int attempt = 0; attempt < 10 && collected.poll() == null; attempt++) {
            System.gc();
            if (collected.remove(100) != null) {
                break;
            }
        }
        sentinel.clear();
    }

    private static List<String> drain() {
        List<String> leaks = new ArrayList<>();
        for (String leak = LEAKS.poll(); leak != null; leak = LEAKS.poll()) {
            leaks.add(leak);
        }
        return leaks;
    }

    /** Netty's detectors, made to tell us about each leak whatever the log level. */
    private static final class RecordingFactory extends ResourceLeakDetectorFactory {

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            ResourceLeakDetector<T> detector = new AlwaysReportingDetector<>(resource, samplingInterval);
            detector.setLeakListener((type, records) -> LEAKS.add("LEAK of a " + type + ":" + records));
            return detector;
        }
    }

    /**
     * A detector that counts what it tracks, and reports even when its logger is quiet (it skips the
     * report otherwise).
     */
    private static final class AlwaysReportingDetector<T> extends ResourceLeakDetector<T> {

        AlwaysReportingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        public ResourceLeakTracker<T> track(T resource) {
            TRACKED.incrementAndGet();
            return super.track(resource);
        }

        @Override
        public ResourceLeakTracker<T> trackForcibly(T resource) {
            TRACKED.incrementAndGet();
            return super.trackForcibly(resource);
        }

        @Override
        protected boolean needReport() {
            return true;
        }
    }
}
