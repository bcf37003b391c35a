package dev.parley.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote into {@code parley-version.properties} at build time, so the jar
 * reports what it was built from without a hand-edited constant.
 */
public final class ParleyVersion implements IVersionProvider {

    private static final String RESOURCE = "/parley-version.properties";

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or "unknown" outside a Maven build. */
    public static String version() {
        try (InputStream in = ParleyVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "parley " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
