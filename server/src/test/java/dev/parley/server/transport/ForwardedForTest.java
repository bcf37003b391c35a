package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.AddressRange;
import dev.parley.server.config.ProxyConfig;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the client out of {@code X-Forwarded-For} and {@code Forwarded}, trusting only trusted hops. */
class ForwardedForTest {

    private static final ProxyConfig TRUSTED =
            new ProxyConfig(List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("2001:db8:1::/48")));
    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40_000);

    private final ForwardedFor forwardedFor = new ForwardedFor(TRUSTED);

    @Test
    void theClientNamedByATrustedProxy() {
        assertThat(ip(PROXY, xff("192.0.2.7"))).isEqualTo("192.0.2.7");
    }

    @Test
    void theHeaderFromAnUntrustedPeerIsIgnored() {
        InetSocketAddress stranger = new InetSocketAddress("198.51.100.9", 40_000);
        assertThat(ip(stranger, xff("192.0.2.7"))).isEqualTo("198.51.100.9");
        assertThat(ip(stranger, headers("Forwarded", "for=192.0.2.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void theRightMostUntrustedHopIsTheClientWhateverTheClientWroteBeforeIt() {
        // The client sent "X-Forwarded-For: 203.0.113.1" itself; its real address 192.0.2.7 was
        // appended by the first proxy, and the second proxy (10.0.0.9) by the one nearest us.
        assertThat(ip(PROXY, xff("203.0.113.1, 192.0.2.7, 10.0.0.9"))).isEqualTo("192.0.2.7");
    }

    @Test
    void severalHeadersAreOneListInOrder() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("X-Forwarded-For", "203.0.113.1")
                .add("X-Forwarded-For", "192.0.2.7, 10.0.0.9");
        assertThat(ip(PROXY, headers)).isEqualTo("192.0.2.7");
    }

    @Test
    void aChainOfOnlyTrustedHopsEndsAtTheLeftMost() {
        assertThat(ip(PROXY, xff("10.0.0.1, 10.0.0.9"))).isEqualTo("10.0.0.1");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheProxyThatWroteIt() {
        assertThat(ip(PROXY, xff("192.0.2.7, unknown"))).isEqualTo("10.0.0.5");
        assertThat(ip(PROXY, xff("192.0.2.7, 10.0.0.9, evil.example"))).isEqualTo("10.0.0.5");
        assertThat(ip(PROXY, xff("evil.example, 10.0.0.9"))).isEqualTo("10.0.0.9");
    }

    @Test
    void withoutAnyHeaderTheProxyIsTheClient() {
        assertThat(ip(PROXY, new DefaultHttpHeaders())).isEqualTo("10.0.0.5");
        assertThat(ip(PROXY, xff(",,"))).isEqualTo("10.0.0.5");
    }

    @Test
    void forwardedForIsReadWhenThereIsNoXForwardedFor() {
        HttpHeaders headers = headers(
                "Forwarded", "for=203.0.113.1;proto=https, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.5, for=10.0.0.9");
        assertThat(ip(PROXY, headers)).isEqualTo("2001:db8:cafe::17");
    }

    @Test
    void forwardedElementsWithoutForAndObfuscatedNodesEndTheWalk() {
        assertThat(ip(PROXY, headers("Forwarded", "for=192.0.2.7, proto=https")))
                .isEqualTo("10.0.0.5");
        assertThat(ip(PROXY, headers("Forwarded", "for=_hidden"))).isEqualTo("10.0.0.5");
    }

    @Test
    void xForwardedForWinsOverForwarded() {
        HttpHeaders headers = xff("192.0.2.7").add("Forwarded", "for=203.0.113.1");
        assertThat(ip(PROXY, headers)).isEqualTo("192.0.2.7");
    }

    @Test
    void anIpv6ProxyInATrustedBlockIsWalkedThrough() {
        InetSocketAddress proxy6 = new InetSocketAddress("2001:db8:1::5", 443);
        assertThat(ip(proxy6, xff("2001:db8:2::7"))).isEqualTo("2001:db8:2::7");
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.7, 192.0.2.7",
        "192.0.2.7:4711, 192.0.2.7",
        "'\"192.0.2.7:4711\"', 192.0.2.7",
        "2001:db8::7, 2001:db8::7",
        "[2001:db8::7]:4711, 2001:db8::7",
        "'\"[2001:db8::7]\"', 2001:db8::7"
    })
    void hopsWithPortsBracketsAndQuotes(String hop, String address) throws Exception {
        assertThat(ForwardedFor.address(hop)).contains(InetAddress.getByName(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "_hidden", "example.com", "", "[2001:db8::7", "1.2.3", "999.1.1.1"})
    void hopsThatAreNotAddressesAreNeverLookedUp(String hop) {
        assertThat(ForwardedFor.address(hop)).isEmpty();
    }

    private String ip(InetSocketAddress peer, HttpHeaders headers) {
        return ClientAddress.text(forwardedFor.client(peer, headers).getAddress());
    }

    private static HttpHeaders xff(String value) {
        return headers("X-Forwarded-For", value);
    }

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().add(name, value);
    }
}
