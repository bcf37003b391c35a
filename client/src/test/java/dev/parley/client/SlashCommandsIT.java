package dev.parley.client;

import static dev.parley.client.ScriptModeIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import org.junit.jupiter.api.Test;

/** Every slash command, typed into the real client, reaches the server as the right IRC line. */
class SlashCommandsIT {

    @Test
    void everydayCommandsReachTheServerAndTheirRepliesAreShown() {
        try (TestServer server = TestServer.start()) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                RawIrcClient bob = server.user("bob");
                bob.join("#general");
                alice.awaitOutput("[general] bob joined");

                alice.type("hello");
                bob.expect(Lines.privmsgFrom("alice", "#general", "hello"));
                alice.awaitOutput("[general] [alice]: hello");

                alice.type("/msg bob psst");
                bob.expect(Lines.privmsgFrom("alice", "bob", "psst"));
                alice.awaitOutput("[DM to bob] [alice]: psst");
                bob.send("PRIVMSG alice :hi yourself");
                alice.awaitOutput("[DM] [bob]: hi yourself");

                alice.type("/me waves");
                bob.expect(Lines.privmsgFrom("alice", "#general", "\u0001ACTION waves\u0001"));

                alice.type("/topic Be kind");
                bob.expect(Lines.commandWithParams("TOPIC", "#general", "Be kind"));
                alice.awaitOutput("[general] alice set the topic: Be kind");

                alice.type("/users");
                alice.awaitOutput("Users (2): ");

                alice.type("/whois bob");
                alice.awaitOutput("bob is ");

                alice.type("/away lunch");
                alice.awaitOutput("away");

                alice.type("/join dev");
                alice.awaitOutput("[dev] You joined");
                alice.type("/rooms");
                alice.awaitOutput("Your rooms: general, dev (current)");
                alice.type("/switch general");
                alice.awaitOutput("Now talking in general");
                alice.type("/part dev");
                alice.awaitOutput("[dev] You left");

                alice.type("/register s3cret");
                alice.awaitOutput("Passwords must be at least 8 characters long");

                alice.type("/frobnicate");
                alice.awaitOutput("Unknown command /frobnicate — nothing was sent");

                alice.type("/raw PRIVMSG bob :raw hello");
                bob.expect(Lines.privmsgFrom("alice", "bob", "raw hello"));

                alice.type("/nick alicia");
                bob.expect(Lines.command("NICK"));
                alice.awaitOutput("You are now known as alicia");

                alice.type("/quit bye now");
                assertThat(alice.awaitExit()).isZero();
                assertThat(bob.expectCommand("QUIT").lastParam()).contains("bye now");
                assertThat(alice.output()).doesNotContain("does not know that command");
            }
        }
    }

    @Test
    void theAdminKicksAndBansAndTheVictimIsToldWhy() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (ScriptedClient carol = ScriptedClient.start(options(server, "carol"));
                    ScriptedClient admin =
                            ScriptedClient.start(options(server, "admin").withPassword("admin123"))) {
                carol.awaitOutput("[general] You joined");
                admin.awaitOutput("[general] You joined");

                admin.type("/kick bob too loud");
                assertThat(bob.expectCommand("KICK").lastParam()).isEqualTo("too loud");
                carol.awaitOutput("[general] bob was kicked by admin: too loud");

                admin.type("/ban carol spamming links");
                carol.awaitOutput("You are banned from this server: spamming links");
                assertThat(carol.awaitExit()).isEqualTo(ExitCode.FAILED);
                assertThat(TroublesIT.linesWith(carol.output(), "anned"))
                        .as("the kick, then one line for the ban")
                        .containsExactly(
                                "[general] You were kicked by admin: Banned: spamming links",
                                "Disconnected: You are banned from this server: spamming links");
                admin.awaitOutput("Banned carol");

                admin.type("/bans");
                admin.awaitOutput("spamming links");
                admin.type("/unban carol");
                admin.awaitOutput("lifted");
            }
        }
    }

    @Test
    void historyReplaysTheRoomsLastMessagesThroughChathistory() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.send("PRIVMSG #general :first words");
            bob.send("PRIVMSG #general :second words");
            awaitStored(bob, "(2 messages)");
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                alice.type("/history 1");
                String out = alice.awaitOutput("[general] End of history");
                assertThat(out)
                        .contains("[general] History (1 message)")
                        .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\[general\\] \\[bob\\]: second words")
                        .doesNotContain("first words");
            }
        }
    }

    @Test
    void historyOfADirectConversationIsShownByNick() {
        try (TestServer server = TestServer.start()) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                RawIrcClient bob = server.user("bob");
                bob.send("PRIVMSG alice :psst, about the party");
                alice.awaitOutput("[DM] [bob]: psst, about the party");
                org.awaitility.Awaitility.await().atMost(ScriptedClient.WAIT).until(() -> {
                    alice.type("/history bob 5");
                    return alice.output().contains("History with bob (1 message)");
                });
                assertThat(alice.output())
                        .containsPattern("\\d\\d:\\d\\d \\[DM\\] \\[bob\\]: psst, about the party")
                        .doesNotContain("Usage: /history");
            }
        }
    }

    @Test
    void joinWithSpacesSaysHowAndJoinsNothing() {
        try (TestServer server = TestServer.start()) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                alice.type("/join two words");
                alice.awaitOutput("Usage: /join room");
                alice.type("/rooms");
                alice.awaitOutput("Your rooms: general (current)");
                assertThat(alice.output()).doesNotContain("[two] You joined");
            }
        }
    }

    /** History is written in group commits: wait until the server's plain HISTORY reports it stored. */
    static void awaitStored(RawIrcClient reader, String count) {
        org.awaitility.Awaitility.await().atMost(ScriptedClient.WAIT).until(() -> {
            reader.send("HISTORY #general 2");
            return reader.expect(Lines.described(
                            "end of history",
                            m -> m.command().equals("NOTICE") && m.lastParam().startsWith("End of history")))
                    .lastParam()
                    .contains(count);
        });
    }
}
