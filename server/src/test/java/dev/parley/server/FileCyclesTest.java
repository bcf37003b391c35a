package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileCyclesTest {

    @Test
    void aChainHasNoCycle() {
        assertThat(FileCycles.of(Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of())))
                .isEmpty();
    }

    @Test
    void aFileDependingOnItselfIsNoCycle() {
        assertThat(FileCycles.of(Map.of("A", Set.of("A", "B"), "B", Set.of()))).isEmpty();
    }

    @Test
    void eachCycleIsFoundWithAllItsMembers() {
        Map<String, Set<String>> graph = Map.of(
                "A",
                Set.of("B"),
                "B",
                Set.of("A", "C"),
                "C",
                Set.of("D"),
                "D",
                Set.of("E"),
                "E",
                Set.of("C", "F"),
                "F",
                Set.of());
        assertThat(FileCycles.of(graph)).isEqualTo(List.of(Set.of("A", "B"), Set.of("C", "D", "E")));
    }

    @Test
    void cyclesJoinedThroughOneFileAreOne() {
        Map<String, Set<String>> graph = Map.of("A", Set.of("B"), "B", Set.of("A", "C"), "C", Set.of("B"));
        assertThat(FileCycles.of(graph)).isEqualTo(List.of(Set.of("A", "B", "C")));
    }
}
