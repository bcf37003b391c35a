package dev.parley.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.EffectiveConfigYaml;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ProtectedMode;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley config check}: would {@code parley server} start with this configuration? Loads it
 * from the same sources with the same flags, and answers before a restart, not after one fails.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Check a configuration.",
        subcommands = CommandLine.HelpCommand.class)
final class ConfigCommand {

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Load the configuration as `parley server` would (the config file, PARLEY_* variables, --set and "
                        + "the flags below) and check it.",
                "Valid: prints the effective configuration, every key, as YAML on standard output, passwords shown "
                        + "as ********; exit 0.",
                "Invalid: lists every problem with its key path on standard error; exit 2. So does a configuration "
                        + "protected mode would refuse."
            })
    int check(@Mixin ConfigOptions options, @Mixin ServerOptions serverOptions) {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ParleyConfig> config = load(options, serverOptions, err);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        Optional<String> refusal = ProtectedMode.refusal(config.get());
        if (refusal.isPresent()) {
            err.println(refusal.get());
            err.flush();
            return ParleyCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# The effective Parley configuration: valid. Passwords are shown as " + EffectiveConfigYaml.MASK
                + ".");
        out.print(EffectiveConfigYaml.render(config.get()));
        out.flush();
        return 0;
    }

    private Optional<ParleyConfig> load(ConfigOptions options, ServerOptions serverOptions, PrintWriter err) {
        try {
            return Optional.of(
                    serverOptions.applyTo(options.loader(parent.environment())).load());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }
}
