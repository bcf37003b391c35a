package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The leak check must fail the test that leaks and only that one, or it guards nothing. */
class BufferLeakExtensionTest {

    @Test
    void aTestThatLeaksABufferFailsWithNettysRecordOfWhereTheBufferWasMade() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeakingTests.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        List<Event> failures = tests.failed().list();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.getTestDescriptor().getDisplayName()).isEqualTo("leaksABuffer()");
            Throwable thrown = failure.getRequiredPayload(TestExecutionResult.class)
                    .getThrowable()
                    .orElseThrow();
            assertThat(thrown)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("leaked buffer")
                    .hasMessageContaining("LeakingTests.leaksABuffer");
        });
    }

    /** Run only by the test above (Surefire skips nested classes); its second test leaks on purpose. */
    @ExtendWith(BufferLeakExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeakingTests {

        @Test
        @Order(1)
        void releasesItsBuffer() {
            ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16).writeByte(1);
            buffer.release();
        }

        @Test
        @Order(2)
        void leaksABuffer() {
            ByteBufAllocator.DEFAULT.buffer(16).writeByte(1);
        }
    }
}
