package dev.parley.server;

/** The server's version string, as VERSION and 002 show it. */
public final class Version {

    private Version() {}

    public static String current() {
        return "parley-" + number();
    }

    /** The bare version ({@code 0.1.0}), or {@code dev} when not running from a built jar. */
    public static String number() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
