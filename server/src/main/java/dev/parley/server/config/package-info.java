/**
 * Configuration: immutable, validated records and the loader that builds them from YAML, {@code
 * PARLEY_*} environment variables and flags. Depends on nothing else in the server.
 */
package dev.parley.server.config;
