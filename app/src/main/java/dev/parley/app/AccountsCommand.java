package dev.parley.app;

import dev.parley.protocol.name.NickName;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.store.Account;
import dev.parley.server.store.jdbc.JdbcStorage;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley accounts add|passwd|list|delete}: account administration on the server's database
 * (the same config as the server). Passwords are asked at the terminal, or read from a file or
 * standard input for scripts; they are stored only as bcrypt hashes. A running server sees the
 * change at the next login.
 */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = "Add, list, delete accounts and set their passwords.",
        subcommands = CommandLine.HelpCommand.class)
final class AccountsCommand {

    /** Account changes, next to the server's operator actions (see dev.parley.server.auth.Audit). */
    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    /** Where a new password comes from; the terminal when neither is given. */
    static final class PasswordSource {
        @Option(
                names = "--password-file",
                paramLabel = "FILE",
                description = "Read the password from the first line of FILE.")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    int add(
            @Mixin ConfigOptions options,
            @Parameters(paramLabel = "NAME", description = "The account name, which is also the nick it protects.")
                    String name,
            @Option(names = "--operator", description = "Logging in makes the user a server operator.")
                    boolean operator,
            @ArgGroup(exclusive = true) PasswordSource source)
            throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        if (!NickName.isValid(name, config.get().limits().nickLength())) {
            return usage("'" + name + "' is not a valid nick, so it cannot be an account name");
        }
        Optional<String> password = newPassword(source, config.get());
        if (password.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        String hash = new PasswordHasher(config.get().accounts().bcryptCost()).hash(password.get());
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            if (!storage.accounts().create(new Account(name, hash, operator, Instant.now()))) {
                return usage("The account " + name + " already exists; use `parley accounts passwd " + name + "`");
            }
        }
        AUDIT.info(
                "account {} created{} by {} with parley accounts add", name, operator ? " (operator)" : "", whoRan());
        say("Created the account " + name + (operator ? " (operator)" : ""));
        return 0;
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password.")
    int passwd(
            @Mixin ConfigOptions options,
            @Parameters(paramLabel = "NAME", description = "The account.") String name,
            @ArgGroup(exclusive = true) PasswordSource source)
            throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        Optional<String> password = newPassword(source, config.get());
        if (password.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        String hash = new PasswordHasher(config.get().accounts().bcryptCost()).hash(password.get());
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            if (!storage.accounts().setPasswordHash(name, hash)) {
                return usage("There is no account " + name);
            }
        }
        AUDIT.info("password of account {} changed by {} with parley accounts passwd", name, whoRan());
        say("Changed the password of " + name);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    int list(@Mixin ConfigOptions options) throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        List<Account> accounts;
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            accounts = storage.accounts().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Account account : accounts) {
            out.printf(
                    "%-32s %s  %s%n",
                    account.name(), CREATED.format(account.createdAt()), account.operator() ? "operator" : "");
        }
        out.printf("%d %s%n", accounts.size(), accounts.size() == 1 ? "account" : "accounts");
        out.flush();
        return 0;
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete an account; its nick is free again.")
    int delete(@Mixin ConfigOptions options, @Parameters(paramLabel = "NAME", description = "The account.") String name)
            throws Exception {
        Optional<ParleyConfig> config = load(options);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        try (JdbcStorage storage = JdbcStorage.open(config.get().storage())) {
            if (!storage.accounts().delete(name)) {
                return usage("There is no account " + name);
            }
        }
        AUDIT.info("account {} deleted by {} with parley accounts delete", name, whoRan());
        say("Deleted the account " + name);
        return 0;
    }

    /** The system user who ran the command, for the audit log. */
    private static String whoRan() {
        return System.getProperty("user.name", "?");
    }

    private Optional<String> newPassword(PasswordSource source, ParleyConfig config) throws IOException {
        Optional<String> password = source == null ? fromTerminal() : fromFileOrStdin(source);
        if (password.isEmpty()) {
            return password;
        }
        int min = config.accounts().minPasswordLength();
        if (password.get().length() < min) {
            usage("The password is too short: at least " + min + " characters (accounts.min-password-length)");
            return Optional.empty();
        }
        if (!PasswordHasher.acceptsLength(password.get())) {
            usage("The password is too long: at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes");
            return Optional.empty();
        }
        return password;
    }

    private Optional<String> fromFileOrStdin(PasswordSource source) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (source.file == null) {
            return NewPassword.firstLine(parent.input(), err);
        }
        try (InputStream in = Files.newInputStream(source.file)) {
            return NewPassword.firstLine(in, err);
        }
    }

    private Optional<String> fromTerminal() {
        Console console = System.console();
        if (console == null) {
            usage("No terminal to ask for the password: use --password-file FILE or --password-stdin");
            return Optional.empty();
        }
        return NewPassword.askTwice(console, spec.commandLine().getErr());
    }

    private Optional<ParleyConfig> load(ConfigOptions options) {
        return options.loadOrReport(parent.environment(), spec.commandLine().getErr());
    }

    private int usage(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return ParleyCommand.EXIT_USAGE;
    }

    private void say(String message) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(message);
        out.flush();
    }
}
