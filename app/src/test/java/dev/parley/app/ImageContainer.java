package dev.parley.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command from an image's unpacked root file system the way a container runtime would, with
 * no runtime: as the image's user, in its working directory, with only its environment (and the
 * test's additions), in mount and PID namespaces of its own ({@code unshare}; {@code /proc} and
 * {@code /dev} mounted there, gone when it ends) under {@code chroot}. The network is the host's,
 * so the test reaches the ports the server binds. Needs root, as the test of the image does.
 */
final class ImageContainer {

    private final Path rootfs;
    private final String user;
    private final String workingDir;
    private final Map<String, String> environment;

    ImageContainer(Path rootfs, String user, String workingDir, Map<String, String> environment) {
        this.rootfs = rootfs;
        this.user = user;
        this.workingDir = workingDir;
        this.environment = Map.copyOf(environment);
    }

    /** Starts {@code command} (the image's entrypoint and arguments, say), output and errors together to {@code output}. */
    Process start(List<String> command, ProcessBuilder.Redirect output) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                "/usr/bin/unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "--",
                "/bin/sh",
                "-ec",
                // $1 root, $2 user, $3 working directory, then the command; the inner shell changes to
                // the working directory inside the root and execs the command.
                "mount -t proc proc \"$1/proc\"; mount --rbind /dev \"$1/dev\"; root=$1 user=$2 dir=$3; shift 3;"
                        + " exec chroot --userspec=\"$user\" \"$root\" /bin/sh -c 'cd \"$0\" && exec \"$@\"'"
                        + " \"$dir\" \"$@\"",
                "container",
                rootfs.toString(),
                user,
                workingDir));
        line.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Stops what {@link #start} started as {@code docker stop} does: SIGTERM to the container's first
     * process (the command, after its execs), not to unshare, which stays to wait for it. Killing
     * unshare would not do: its child dies with it only until chroot changes the user.
     */
    static void stop(Process process) {
        process.children().forEach(ProcessHandle::destroy);
    }

    /** Like {@link #stop} with SIGKILL, for what a failed test left running. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
