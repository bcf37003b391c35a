package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code proxy.trusted}: addresses and CIDR blocks, from every source, and what they match. */
class ProxyConfigTest {

    @TempDir
    Path dir;

    @Test
    void nobodyIsTrustedByDefault() throws Exception {
        ProxyConfig proxy = new ConfigLoader().load().proxy();
        assertThat(proxy.trusted()).isEmpty();
        assertThat(proxy.trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void aYamlListOfAddressesAndBlocks() throws Exception {
        Path file = Files.writeString(dir.resolve("parley.yaml"), """
                proxy:
                  trusted: ["10.0.0.0/8", "2001:db8::/32", 192.0.2.7]
                """);
        ProxyConfig proxy = new ConfigLoader().file(file).load().proxy();
        assertThat(proxy.trusted())
                .containsExactly(
                        AddressRange.parse("10.0.0.0/8"),
                        AddressRange.parse("2001:db8::/32"),
                        AddressRange.parse("192.0.2.7"));
    }

    @Test
    void commaSeparatedTextFromTheEnvironmentAndSet() throws Exception {
        ProxyConfig fromEnv = new ConfigLoader()
                .environment(Map.of("PARLEY_PROXY__TRUSTED", "10.1.0.0/16, ::1"))
                .load()
                .proxy();
        assertThat(fromEnv.trusted()).containsExactly(AddressRange.parse("10.1.0.0/16"), AddressRange.parse("::1"));
        ProxyConfig fromSet = new ConfigLoader()
                .sets(List.of("proxy.trusted=127.0.0.1"))
                .load()
                .proxy();
        assertThat(fromSet.trusts(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void everyBadEntryIsReportedWithTheKeyPath() throws IOException {
        Path file = Files.writeString(dir.resolve("parley.yaml"), """
                proxy:
                  trusted: [proxy.example.com]
                """);
        assertThatThrownBy(() -> new ConfigLoader()
                        .file(file)
                        .sets(List.of("proxy.trusted=10.0.0.0/33"))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy.trusted: prefix length in '10.0.0.0/33' must be 0 to 32");
        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .hasMessageContaining(
                        "proxy.trusted: expected an IP address or CIDR block (10.0.0.0/8, 2001:db8::/32), got 'proxy.example.com'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "256.1.1.1", "10.0.0.0/", "10.0.0.0/x", "::1/129", "[::1]", "fe80::1%eth0"})
    void notAnAddressOrBlockIsRefused(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostBitsAfterThePrefixAreRefusedWithTheBlockMeant() {
        assertThatThrownBy(() -> AddressRange.parse("10.1.2.3/8"))
                .hasMessage("'10.1.2.3/8' has bits set after the /8 prefix; the block is written 10.0.0.0/8");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.255.1.2, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.0.2.7, 192.0.2.7, true",
        "192.0.2.7, 192.0.2.8, false",
        "192.0.2.0/25, 192.0.2.127, true",
        "192.0.2.0/25, 192.0.2.128, false",
        "0.0.0.0/0, 198.51.100.1, true",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "::1, ::1, true",
        "10.0.0.0/8, ::1, false",
        "::/0, 10.0.0.1, false"
    })
    void rangesMatchTheirOwnFamily(String range, String address, boolean inside) throws Exception {
        assertThat(AddressRange.parse(range).contains(InetAddress.getByName(address)))
                .isEqualTo(inside);
    }

    @Test
    void anIpv4ClientOfAnIpv6SocketMatchesIpv4Ranges() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(AddressRange.parse("10.0.0.0/8").contains(address)).isTrue();
    }

    @Test
    void aRangeIsWrittenAsItIsParsed() {
        assertThat(AddressRange.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
        assertThat(AddressRange.parse("192.0.2.7")).hasToString("192.0.2.7");
        assertThat(AddressRange.parse("2001:DB8:0:0::/32")).hasToString("2001:db8::/32");
        assertThat(AddressRange.parse("::1")).hasToString("::1");
        assertThat(AddressRange.parse("::/0")).hasToString("::/0");
        assertThat(AddressRange.parse("2001:db8:0:1:0:0:0:1")).hasToString("2001:db8:0:1::1");
        assertThat(AddressRange.parse("fe80::1:0:0:0")).hasToString("fe80::1:0:0:0");
    }
}
