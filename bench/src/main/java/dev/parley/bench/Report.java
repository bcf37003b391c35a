package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A run's figures, in order: printed as a table and written as JSON. */
public final class Report {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Report put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** p50/p90/p99/p99.9/max of a histogram of microseconds, as milliseconds. */
    Report latencies(String prefix, Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return this;
        }
        put(prefix + "_p50_ms", millis(micros.getValueAtPercentile(50)));
        put(prefix + "_p90_ms", millis(micros.getValueAtPercentile(90)));
        put(prefix + "_p99_ms", millis(micros.getValueAtPercentile(99)));
        put(prefix + "_p999_ms", millis(micros.getValueAtPercentile(99.9)));
        put(prefix + "_max_ms", millis(micros.getMaxValue()));
        return this;
    }

    public Map<String, Object> values() {
        return values;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(10);
        values.forEach(
                (key, value) -> out.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", key, text(value))));
        return out.toString();
    }

    public String json() {
        StringBuilder out = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(key).append("\": ").append(jsonValue(value));
        });
        return out.append('}').toString();
    }

    public void writeJson(Path file) throws IOException {
        Files.writeString(file, json() + "\n");
    }

    private static String jsonValue(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? "null" : text(value);
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(jsonValue(item));
            }
            return out.append(']').toString();
        }
        return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.2f", d);
        }
        return String.valueOf(value);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
