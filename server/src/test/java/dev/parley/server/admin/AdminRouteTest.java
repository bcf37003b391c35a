package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdminRouteTest {

    private static final AdminRoute KICK =
            AdminRoute.post("users/{}/kick", call -> CompletableFuture.completedFuture(AdminResponse.ok("")));

    @Test
    void segmentsAreDecodedOneByOneSoARoomOrMaskSurvives() {
        assertThat(AdminApi.segments("/admin/api/rooms/%23general")).hasValue(List.of("rooms", "#general"));
        assertThat(AdminApi.segments("/admin/api/bans/bob!*%40*")).hasValue(List.of("bans", "bob!*@*"));
        assertThat(AdminApi.segments("/admin/api/rooms/+local")).hasValue(List.of("rooms", "+local"));
        assertThat(AdminApi.segments("/admin/other")).isEmpty();
    }

    @Test
    void aPatternMatchesItsShapeOnlyAndGivesItsParameters() {
        assertThat(KICK.match(List.of("users", "bob", "kick"))).hasValue(List.of("bob"));
        assertThat(KICK.match(List.of("users", "bob", "kill"))).isEmpty();
        assertThat(KICK.match(List.of("users", "bob"))).isEmpty();
    }
}
