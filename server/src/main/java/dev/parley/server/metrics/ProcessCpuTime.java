package dev.parley.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * {@code process_cpu_seconds_total}: the CPU time the process has used, in seconds as Prometheus
 * expects (Micrometer's own {@code process_cpu_time_ns_total} counts nanoseconds). Absent on a JVM
 * that does not report it.
 */
final class ProcessCpuTime {

    private static final double NANOS_PER_SECOND = 1e9;

    private ProcessCpuTime() {}

    static void register(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu.seconds", hotspot, bean -> bean.getProcessCpuTime() / NANOS_PER_SECOND)
                    .description("CPU time used by the process")
                    .register(registry);
        }
    }
}
