package dev.parley.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.session.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCommandsTest {

    private static final String[] SEARCHER = {"batch", "server-time", "message-tags", "soju.im/search"};

    private final CommandBench bench = new CommandBench();

    private static List<String> texts(List<String> reply) {
        return reply.stream()
                .filter(line -> line.contains(" PRIVMSG "))
                .map(line -> line.substring(line.indexOf(" :", line.indexOf(" PRIVMSG ")) + 2))
                .toList();
    }

    @Test
    void aSearchAnswersABatchOfMatchesFromTheRoomsTheUserIsIn() {
        Session alice = bench.register("alice", SEARCHER);
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #ops");
        bench.send(bob, "JOIN #ops");
        bench.send(bob, "PRIVMSG #ops :the deploy failed again");
        bench.clock().advance(Duration.ofSeconds(1));
        bench.send(bob, "PRIVMSG #ops :lunch?");
        bench.send(bob, "PRIVMSG #ops :deploy fixed");

        List<String> reply = bench.ask(alice, "SEARCH text=deploy");

        assertThat(reply.get(0)).matches(":parley\\.local BATCH \\+\\S+ soju\\.im/search");
        assertThat(texts(reply)).containsExactly("the deploy failed again", "deploy fixed");
        assertThat(reply.get(1)).contains("msgid=").contains("time=2026-01-02T03:04:05.000Z");
        assertThat(reply.get(reply.size() - 1)).startsWith(":parley.local BATCH -");
    }

    @Test
    void aSearchNeverShowsARoomTheUserIsNotInNorAnotherPairsPrivateMessages() {
        Session alice = bench.register("alice", SEARCHER);
        Session bob = bench.register("bob");
        Session carol = bench.register("carol");
        bench.send(bob, "JOIN #private");
        bench.send(bob, "PRIVMSG #private :the password is swordfish");
        bench.send(bob, "PRIVMSG carol :swordfish for you too");
        bench.send(alice, "JOIN #lobby");
        bench.send(carol, "JOIN #lobby");
        bench.send(carol, "PRIVMSG #lobby :no swordfish here");

        assertThat(texts(bench.ask(alice, "SEARCH text=swordfish"))).containsExactly("no swordfish here");
        assertThat(bench.ask(alice, "SEARCH in=#private;text=swordfish"))
                .containsExactly(
                        ":parley.local FAIL SEARCH INVALID_PARAMS in :You cannot read the history of #private");
        assertThat(texts(bench.ask(alice, "SEARCH in=bob;text=swordfish"))).isEmpty();
    }

    @Test
    void aUserFindsTheirOwnPrivateConversationsAndOperatorsFindEverything() {
        Session alice = bench.register("alice", SEARCHER);
        Session bob = bench.register("bob");
        bench.send(bob, "JOIN #hidden");
        bench.send(bob, "PRIVMSG #hidden :marmalade recipe");
        bench.send(bob, "PRIVMSG alice :marmalade for alice");

        assertThat(texts(bench.ask(alice, "SEARCH text=marmalade"))).containsExactly("marmalade for alice");
        assertThat(texts(bench.ask(alice, "SEARCH in=bob"))).containsExactly("marmalade for alice");

        bench.send(alice, "OPER admin admin123");
        assertThat(texts(bench.ask(alice, "SEARCH text=marmalade")))
                .containsExactly("marmalade recipe", "marmalade for alice");
    }

    @Test
    void fromLimitAndTimeAttributesNarrowTheSearch() {
        Session alice = bench.register("alice", SEARCHER);
        Session bob = bench.register("bob");
        bench.send(alice, "JOIN #a");
        bench.send(bob, "JOIN #a");
        for (int i = 1; i <= 5; i++) {
            bench.send(i % 2 == 0 ? alice : bob, "PRIVMSG #a :note " + i);
            bench.clock().advance(Duration.ofMinutes(1));
        }

        assertThat(texts(bench.ask(alice, "SEARCH from=Bob;text=note"))).containsExactly("note 1", "note 3", "note 5");
        assertThat(texts(bench.ask(alice, "SEARCH in=#a;limit=2"))).containsExactly("note 4", "note 5");
        assertThat(texts(bench.ask(alice, "SEARCH in=#a;after=2026-01-02T03:05:05.000Z;limit=2")))
                .containsExactly("note 2", "note 3");
        assertThat(texts(bench.ask(alice, "SEARCH in=#a;before=2026-01-02T03:05:05.000Z")))
                .containsExactly("note 1", "note 2");
        assertThat(texts(bench.ask(alice, "SEARCH text=note\\s3"))).containsExactly("note 3");
    }

    @Test
    void badAttributesAreInvalidParams() {
        Session alice = bench.register("alice", SEARCHER);

        assertThat(bench.ask(alice, "SEARCH limit=0"))
                .containsExactly(":parley.local FAIL SEARCH INVALID_PARAMS limit :Invalid search attribute: limit");
        assertThat(bench.ask(alice, "SEARCH after=yesterday"))
                .containsExactly(":parley.local FAIL SEARCH INVALID_PARAMS after :Invalid search attribute: after");
        assertThat(bench.ask(alice, "SEARCH nonsense")).first().asString().contains("INVALID_PARAMS");
    }

    @Test
    void aClientWithoutBatchGetsNoticesMarkedWithTheConversation() {
        Session plain = bench.register("plain");
        bench.send(plain, "JOIN #a");
        bench.send(plain, "PRIVMSG #a :find me");

        assertThat(bench.ask(plain, "SEARCH text=find"))
                .containsExactly(
                        ":parley.local NOTICE plain :[#a 2026-01-02 03:04:05] <plain> find me",
                        ":parley.local NOTICE plain :End of search (1 message)");
    }

    @Test
    void searchesAreRateLimitedPerConnection() {
        Session alice = bench.register("alice", SEARCHER);
        for (int i = 0; i < 10; i++) {
            assertThat(bench.ask(alice, "SEARCH text=x").get(0)).contains("BATCH");
        }

        assertThat(bench.ask(alice, "SEARCH text=x"))
                .containsExactly(":parley.local FAIL SEARCH RATE_LIMITED :Too many searches; try again in 6 s");
        bench.clock().advance(Duration.ofSeconds(6));
        assertThat(bench.ask(alice, "SEARCH text=x").get(0)).contains("BATCH");
    }
}
