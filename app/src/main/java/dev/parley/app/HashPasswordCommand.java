package dev.parley.app;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.ParleyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley hash-password}: a bcrypt hash to put in a config file in place of a plain password,
 * so the file (or a compose file, or a ticket it is pasted into) does not give the password away.
 * The hash is the server's own ({@link PasswordHasher}, at {@code accounts.bcrypt-cost}), so the
 * server checks it exactly as it checks account passwords.
 */
@Command(
        name = "hash-password",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyVersion.class,
        description = {
            "Read a password and print its bcrypt hash ($2a$...) on standard output; the password itself is never "
                    + "printed.",
            "At a terminal it asks twice without echo; otherwise it reads the first line of standard input "
                    + "(printf '%%s\\n' \"$PW\" | parley hash-password).",
            "The hash works wherever the configuration takes a password, in the file, a PARLEY_* variable, --set or "
                    + "a *-file: auth.server-password, auth.admin-password and each auth.operators entry's password.",
            "Its cost is accounts.bcrypt-cost (default 10) from the configuration options below."
        })
final class HashPasswordCommand implements Callable<Integer> {

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ParleyConfig> config = options.loadOrReport(parent.environment(), err);
        if (config.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        Optional<String> password = parent.interactive()
                ? NewPassword.askTwice(System.console(), err)
                : NewPassword.firstLine(parent.input(), err);
        if (password.isEmpty()) {
            return ParleyCommand.EXIT_USAGE;
        }
        if (!PasswordHasher.acceptsLength(password.get())) {
            err.println("The password is too long: at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes");
            err.flush();
            return ParleyCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new PasswordHasher(config.get().accounts().bcryptCost()).hash(password.get()));
        out.flush();
        return 0;
    }
}
