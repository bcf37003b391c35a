package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.parley.bench.Target;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static Target target(String... args) {
        BenchCommand.Fanout fanout = new BenchCommand.Fanout();
        new CommandLine(fanout).parseArgs(args);
        return fanout.options.target();
    }

    @Test
    void serversRepeatedOrCommaSeparatedAreTheNodesInOrder() {
        Target target =
                target("--server", "127.0.0.1:6671,127.0.0.1:6672", "--server", "[::1]:6673", "--server-pid", "10,11");

        assertThat(target.servers())
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(tuple("127.0.0.1", 6671), tuple("127.0.0.1", 6672), tuple("::1", 6673));
        assertThat(target.pids()).containsExactly(10L, 11L);
    }

    @Test
    void withoutServerHostAndPortNameTheOneServer() {
        Target target = target("--host", "localhost", "--port", "7000", "--server-pid", "0");

        assertThat(target.servers())
                .singleElement()
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly("localhost", 7000);
        assertThat(target.pids()).isEmpty();
    }

    @Test
    void aServerWithoutPortIsRefused() {
        assertThatThrownBy(() -> target("--server", "127.0.0.1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("HOST:PORT");
    }
}
