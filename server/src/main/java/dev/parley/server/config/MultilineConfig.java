package dev.parley.server.config;

/**
 * Limits on a multi-line message ({@code draft/multiline}), advertised in the capability's value.
 * A multi-line message is one message: stored once, and the flood budget charges it once.
 *
 * @param maxBytes the longest message in bytes, its lines joined (each line break counts one)
 * @param maxLines the most lines in one message
 */
public record MultilineConfig(int maxBytes, int maxLines) {

    public static MultilineConfig defaults() {
        return new MultilineConfig(4096, 100);
    }

    /** The capability value clients read the limits from. */
    public String capabilityValue() {
        return "max-bytes=" + maxBytes + ",max-lines=" + maxLines;
    }
}
