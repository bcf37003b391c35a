package dev.parley.app;

import dev.parley.server.config.ParleyConfig;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.jdbc.BackupOutcome;
import dev.parley.server.store.jdbc.DatabaseBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley backup FILE}: a backup that does not need the server stopped. The configuration
 * says which database; {@link DatabaseBackup} copies SQLite and names the dump tool for a server.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = {
            "Back up the database while the server runs.",
            "SQLite (the default): writes a consistent copy of the database to FILE, readable by its owner only "
                    + "(0600). To restore, stop the server and put FILE in place of <data-dir>/parley.db.",
            "MariaDB/MySQL or PostgreSQL: prints the mysqldump or pg_dump command that backs it up, and the one "
                    + "that restores it, then exits 2; the password is never in them."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the backup is written",
            "1:the backup failed",
            "2:FILE exists (see --force), the configuration is invalid, or a dump tool is to be run instead"
        })
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions options;

    @Parameters(paramLabel = "FILE", description = "Where to write the backup.")
    private Path file;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ParleyConfig> config = options.loadOrReport(parent.environment(), err);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        try {
            return report(DatabaseBackup.backUp(config.get().storage(), file, force));
        } catch (StoreException e) {
            err.println("The backup failed: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            err.flush();
            return ParleyCommand.EXIT_FAILED;
        }
    }

    private int report(BackupOutcome outcome) {
        if (outcome instanceof BackupOutcome.Written written) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    "Backed up " + written.database() + " to " + written.file() + " (" + written.bytes() + " bytes)");
            out.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (outcome instanceof BackupOutcome.TargetExists exists) {
            err.println(exists.file() + " exists; nothing was written. Choose another file, or --force to replace it.");
        } else if (outcome instanceof BackupOutcome.UseDumpTool dump) {
            err.println("The database is on a database server, which Parley does not copy itself. Back it up with its"
                    + " own tool, while the server runs:");
            err.println("  " + dump.command());
            err.println("and restore it, with the server stopped, with:");
            err.println("  " + dump.restoreCommand());
            err.println("The tool asks for the database password (storage.database-password); it is never put on the"
                    + " command line.");
        } else if (outcome instanceof BackupOutcome.NotPossible impossible) {
            err.println("Nothing to back up: " + impossible.reason());
        }
        err.flush();
        return ParleyCommand.EXIT_USAGE;
    }
}
