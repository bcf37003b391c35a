package dev.parley.client;

/** The client's exit codes. */
public final class ExitCode {
    /** The chat ended normally (/quit, end of a script with every line delivered). */
    public static final int OK = 0;
    /** The server refused us, could not be reached, or the connection ended for good. */
    public static final int FAILED = 1;
    /** The options or the answers to the prompts were unusable. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
