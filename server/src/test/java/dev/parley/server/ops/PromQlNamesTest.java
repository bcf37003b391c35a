package dev.parley.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void findsTheMetricsAndNothingElse() {
        assertThat(
                        PromQlNames.in(
                                "histogram_quantile(0.99, sum by (instance, le) "
                                        + "(rate(parley_fanout_seconds_bucket{instance=~\"$instance\", x=\"a{b}\"}[$__rate_interval]))) > 0.05"))
                .containsExactly("parley_fanout_seconds_bucket");
        assertThat(PromQlNames.in("parley_history_spill_bytes > 0 and deriv(parley_history_spill_bytes[10m]) > 0"))
                .containsExactly("parley_history_spill_bytes");
        assertThat(PromQlNames.in("process_files_open_files / process_files_max_files > 0.8"))
                .containsExactly("process_files_open_files", "process_files_max_files");
        assertThat(PromQlNames.in("up{job=\"parley\"} == 0")).containsExactly("up");
    }

    @Test
    void aMisspelledMetricIsFoundSoTheLiveCheckCanRefuseIt() {
        assertThat(PromQlNames.in("rate(parley_mesages_in_total[5m])")).containsExactly("parley_mesages_in_total");
    }
}
