package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectedModeTest {

    private static final ParleyConfig DEFAULTS = ParleyConfig.defaults();

    @Test
    void defaultPasswordsAreFineOnLoopback() {
        assertThat(ProtectedMode.refusal(listeningOn("127.0.0.1:6667", "[::1]:6667", "localhost:6668")))
                .isEmpty();
    }

    @Test
    void defaultPasswordsOnAPublicAddressAreRefusedWithEveryWayToFixIt() {
        Optional<String> refusal = ProtectedMode.refusal(listeningOn("127.0.0.1:6667", "0.0.0.0:6667"));

        assertThat(refusal)
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("0.0.0.0:6667")
                        .doesNotContain("127.0.0.1:6667 (")
                        .contains("server password and admin password")
                        .contains("--server-password", "--admin-password")
                        .contains("PARLEY_AUTH__SERVER_PASSWORD", "PARLEY_AUTH__ADMIN_PASSWORD")
                        .contains("PARLEY_AUTH__SERVER_PASSWORD_FILE=FILE", "PARLEY_AUTH__ADMIN_PASSWORD_FILE=FILE")
                        .contains("auth.server-password", "auth.admin-password")
                        .contains("--insecure-defaults"));
    }

    @Test
    void oneDefaultPasswordLeftIsEnoughToRefuseAndIsNamed() {
        ParleyConfig config = listeningOn("0.0.0.0:6667")
                .withAuth(new AuthConfig(Optional.of(Secret.of("s3cret")), "admin", Secret.of("admin123"), List.of()));

        assertThat(ProtectedMode.refusal(config))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("default admin password").doesNotContain("server password and"));
    }

    @Test
    void ownPasswordsOpenEveryAddress() {
        ParleyConfig config = listeningOn("0.0.0.0:6667")
                .withAuth(new AuthConfig(Optional.empty(), "admin", Secret.of("n0t-default"), List.of()));

        assertThat(ProtectedMode.refusal(config)).isEmpty();
    }

    @Test
    void insecureDefaultsOverridesTheRefusal() {
        ParleyConfig exposed = listeningOn("0.0.0.0:6667");
        ServerConfig server = exposed.server();
        ParleyConfig config = exposed.withServer(
                new ServerConfig(server.name(), server.network(), server.listen(), server.motd(), true));

        assertThat(ProtectedMode.refusal(config)).isEmpty();
    }

    private static ParleyConfig listeningOn(String... addresses) {
        ServerConfig server = DEFAULTS.server();
        List<ListenAddress> listen =
                List.of(addresses).stream().map(ListenAddress::parse).toList();
        return DEFAULTS.withServer(
                new ServerConfig(server.name(), server.network(), listen, server.motd(), server.insecureDefaults()));
    }
}
