/** Metrics in the Prometheus format through Micrometer: what {@code /metrics} shows. */
package dev.parley.server.metrics;
