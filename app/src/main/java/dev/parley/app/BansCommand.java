package dev.parley.app;

import dev.parley.server.auth.BanFile;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.store.Ban;
import dev.parley.server.store.jdbc.JdbcStorage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley bans list}: every server ban with all its identities (mask, account, guest address);
 * {@code parley bans export|import FILE}: moves server bans between the database and the seed's
 * {@code ban.txt}, so bans survive a move from the seed or between servers. Reads the same config
 * as the server, so it finds the server's database. Run it while the server is stopped, or restart
 * the server afterwards: a running server reads bans at start.
 */
@Command(
        name = "bans",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "List server bans, or export or import them in the seed's ban.txt format.",
        subcommands = CommandLine.HelpCommand.class)
final class BansCommand {

    /** Recorded as who set each imported ban. */
    private static final String IMPORTED_BY = "parley bans import";

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Show every server ban: its mask, account and address, who set it, when and why.")
    int list(@Mixin ConfigOptions options) {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            List<Ban> bans = storage.bans().list();
            for (Ban ban : bans) {
                String also = ban.identities();
                out.printf(
                        "%s%s  set by %s at %s: %s%n",
                        ban.mask(),
                        also.isEmpty() ? "" : " (" + also + ")",
                        ban.setBy(),
                        ban.createdAt(),
                        ban.reason());
            }
            out.printf("%d %s%n", bans.size(), bans.size() == 1 ? "ban" : "bans");
        }
        out.flush();
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every server ban to FILE.")
    int export(
            @Mixin ConfigOptions options,
            @Parameters(paramLabel = "FILE", description = "The ban file to write.") Path file)
            throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            report("Exported", BanFile.exportFrom(storage.bans(), file), "to", file);
        }
        return 0;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Add the bans listed in FILE (the seed's ban.txt) to the server's bans.")
    int importBans(
            @Mixin ConfigOptions options,
            @Parameters(paramLabel = "FILE", description = "The ban file to read.") Path file)
            throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            report("Imported", BanFile.importInto(storage.bans(), file, IMPORTED_BY), "from", file);
        }
        return 0;
    }

    private Optional<ParleyConfig> load(ConfigOptions options) {
        return options.loadOrReport(parent.environment(), spec.commandLine().getErr());
    }

    private void report(String verb, int count, String preposition, Path file) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %d %s %s %s%n", verb, count, count == 1 ? "ban" : "bans", preposition, file);
        out.flush();
    }
}
