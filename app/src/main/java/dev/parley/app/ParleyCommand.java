package dev.parley.app;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code parley} command. Holds the process environment and standard input so subcommands read
 * {@code PARLEY_*} variables and piped passwords through them, and tests can hand in their own.
 */
@Command(
        name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "A multi-room chat server that speaks IRC.",
        subcommands = {
            ServerCommand.class,
            ClientCommand.class,
            BansCommand.class,
            AccountsCommand.class,
            ConfigCommand.class,
            HashPasswordCommand.class,
            BackupCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also after SIGTERM and an orderly stop)",
            "1:the server could not start or failed",
            "2:bad command line or configuration, or protected mode refused to start"
        })
public final class ParleyCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private final Map<String, String> environment;
    private final InputStream input;

    @Spec
    private CommandSpec spec;

    public ParleyCommand(Map<String, String> environment, InputStream input) {
        this.environment = Map.copyOf(environment);
        this.input = input;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.in).execute(args));
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, InputStream.nullInputStream());
    }

    static CommandLine commandLine(Map<String, String> environment, InputStream input) {
        return new CommandLine(new ParleyCommand(environment, input));
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Standard input, for passwords piped in by scripts. */
    InputStream input() {
        return input;
    }

    /**
     * Whether a person is at a terminal to be asked for a password without echo: the process's own
     * standard input, and it is a terminal.
     */
    boolean interactive() {
        return input == System.in && System.console() != null;
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }
}
