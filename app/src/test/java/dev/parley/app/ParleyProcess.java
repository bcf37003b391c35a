package dev.parley.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code parley} command line for a child process, on the test's own class path. */
final class ParleyProcess {

    private ParleyProcess() {}

    static List<String> command(String... args) {
        return command(testClassPath(), args);
    }

    /** With {@code directory} ahead of the test's class path, for resources that replace or add to the shipped ones. */
    static List<String> commandWithFirst(Path directory, String... args) {
        return command(directory + java.io.File.pathSeparator + testClassPath(), args);
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static List<String> command(String classPath, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                ParleyCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
