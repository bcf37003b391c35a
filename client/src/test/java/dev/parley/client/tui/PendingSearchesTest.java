package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingSearchesTest {

    private final PendingSearches pending = new PendingSearches();

    private static SearchRequest typed(String text) {
        return SearchRequest.parse(new CommandArgs(text), ClientState.initial()).orElseThrow();
    }

    @Test
    void answersAreNamedAfterTheSearchesInTheOrderSent() {
        pending.sent(typed("deploy"));
        pending.sent(typed("lunch from bob"));
        assertThat(pending.name(new ClientEvent.SearchResults(null, List.of())))
                .isEqualTo(new ClientEvent.SearchResults("deploy", List.of()));
        assertThat(pending.name(new ClientEvent.SearchFailed(null, "RATE_LIMITED", "Too many searches")))
                .isEqualTo(new ClientEvent.SearchFailed("lunch", "RATE_LIMITED", "Too many searches"));
        assertThat(pending.name(new ClientEvent.SearchResults(null, List.of())))
                .as("an answer nobody here asked for (a /raw SEARCH) has no name")
                .isEqualTo(new ClientEvent.SearchResults(null, List.of()));
    }

    @Test
    void otherEventsPassAndALostConnectionForgetsWhatWasWaiting() {
        pending.sent(typed("deploy"));
        ClientEvent other = new ClientEvent.ServerNotice("hello");
        assertThat(pending.name(other)).isSameAs(other);
        pending.forget();
        assertThat(pending.name(new ClientEvent.Disconnected("gone", Duration.ofSeconds(1))))
                .isInstanceOf(ClientEvent.Disconnected.class);
        assertThat(pending.name(new ClientEvent.SearchResults(null, List.of())))
                .isEqualTo(new ClientEvent.SearchResults(null, List.of()));
    }
}
