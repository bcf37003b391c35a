package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningReportTest {

    @Test
    void loopbackOnlyExplainsHowToAcceptOtherMachines() {
        String line = ListeningReport.describe(List.of(new InetSocketAddress("127.0.0.1", 6667)));

        assertThat(line)
                .isEqualTo("Listening on 127.0.0.1:6667 only; use --listen 0.0.0.0:6667 (and set passwords)"
                        + " to accept other machines");
    }

    @Test
    void aPublicAddressIsJustListed() {
        String line = ListeningReport.describe(
                List.of(new InetSocketAddress("127.0.0.1", 6667), InetSocketAddress.createUnresolved("0.0.0.0", 6667)));

        assertThat(line).isEqualTo("Listening on 127.0.0.1:6667, 0.0.0.0:6667");
    }
}
