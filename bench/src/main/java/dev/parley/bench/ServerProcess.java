package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes under test (a server, or a cluster's nodes and its Redis), seen through /proc:
 * CPU time and resident memory, summed over them (Linux).
 */
final class ServerProcess {

    /** Clock ticks per second of /proc/PID/stat times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private final List<Long> pids;

    ServerProcess(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    /** User plus system CPU seconds used so far, by all of them. */
    double cpuSeconds() {
        return eachCpuSeconds().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** User plus system CPU seconds used so far, per process, in the order given. */
    List<Double> eachCpuSeconds() {
        return pids.stream().map(ServerProcess::cpuSeconds).toList();
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident memory in KiB (VmRSS), summed; -1 when none could be read. */
    long residentKib() {
        long total = -1;
        for (long pid : pids) {
            long one = residentKib(pid);
            if (one >= 0) {
                total = Math.max(total, 0) + one;
            }
        }
        return total;
    }

    private static long residentKib(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    /**
     * Asks each JVM among them for a full GC (jcmd), so resident memory reflects live data; false if
     * none is a JVM.
     */
    boolean collectGarbage() {
        boolean any = false;
        for (long pid : pids) {
            any |= collectGarbage(pid);
        }
        return any;
    }

    private static boolean collectGarbage(long pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start();
            jcmd.getInputStream().readAllBytes();
            return jcmd.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
