package dev.parley.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code parley} command line for a child process, on the test's own class path. */
final class ParleyProcess {

    private ParleyProcess() {}

    static List<String> command(String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ParleyCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
