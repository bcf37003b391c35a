package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficScenarioTest {

    @Test
    void everyRoomHasMembersOnEveryNodeWhateverRoomsAndNodesShare() {
        for (int rooms : new int[] {1, 2, 3, 10}) {
            for (int nodes : new int[] {1, 2, 3, 4}) {
                for (int room = 0; room < rooms; room++) {
                    Set<Integer> seen = new HashSet<>();
                    for (int i = room; i < 100; i += rooms) {
                        seen.add(TrafficScenario.node(i, rooms, nodes));
                    }
                    assertThat(seen)
                            .as("room %d of %d on %d nodes", room, rooms, nodes)
                            .hasSize(nodes);
                }
            }
        }
    }

    @Test
    void privatePairsSpanTwoNodes() {
        for (int i = 0; i < 100; i++) {
            assertThat(TrafficScenario.node(i, 0, 2)).isNotEqualTo(TrafficScenario.node(i ^ 1, 0, 2));
        }
    }
}
