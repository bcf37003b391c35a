package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the admin console is served: loopback listeners only, unless an operator says otherwise. */
class AdminConfigTest {

    private static final ListenAddress LOOPBACK = new ListenAddress("127.0.0.1", 8080);
    private static final ListenAddress EVERYWHERE = new ListenAddress("0.0.0.0", 8080);

    @Test
    void byDefaultOnlyLoopbackListenersServeTheConsole() {
        AdminConfig admin = AdminConfig.defaults();

        assertThat(admin.servedOn(LOOPBACK)).isTrue();
        assertThat(admin.servedOn(new ListenAddress("localhost", 8080))).isTrue();
        assertThat(admin.servedOn(new ListenAddress("::1", 8080))).isTrue();
        assertThat(admin.servedOn(EVERYWHERE)).isFalse();
    }

    @Test
    void allowRemoteOpensItEverywhereAndDisabledNowhere() throws Exception {
        AdminConfig remote = new ConfigLoader()
                .sets(List.of("admin.allow-remote=true"))
                .load()
                .admin();
        AdminConfig off =
                new ConfigLoader().sets(List.of("admin.enabled=false")).load().admin();

        assertThat(remote.servedOn(EVERYWHERE)).isTrue();
        assertThat(off.servedOn(LOOPBACK)).isFalse();
    }

    @Test
    void aConsoleListenerOnANonLoopbackAddressWithoutAllowRemoteIsAnError() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("admin.listen=0.0.0.0:8081"))
                        .load())
                .hasMessageContaining("admin.listen: 0.0.0.0:8081 is not a loopback address");
        assertThat(new ConfigLoader()
                        .sets(List.of("admin.listen=0.0.0.0:8081", "admin.allow-remote=true"))
                        .load()
                        .admin()
                        .listen())
                .containsExactly(new ListenAddress("0.0.0.0", 8081));
    }
}
