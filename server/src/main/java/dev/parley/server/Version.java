package dev.parley.server;

/** The server's version string, as VERSION and 002 show it. */
public final class Version {

    private Version() {}

    public static String current() {
        String version = ParleyServer.class.getPackage().getImplementationVersion();
        return "parley-" + (version == null ? "dev" : version);
    }
}
