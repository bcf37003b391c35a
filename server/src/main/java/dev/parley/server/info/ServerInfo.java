package dev.parley.server.info;

import java.time.Instant;

/** Facts about this server that replies quote. */
public record ServerInfo(String name, String network, String version, Instant startedAt) {}
