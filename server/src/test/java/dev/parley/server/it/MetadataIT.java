package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 metadata (draft/metadata-3): users and room operators set keys, everyone allowed reads them,
 * subscribers hear of changes where they share a room or monitor the user, and every limit holds.
 */
class MetadataIT {

    private static final String CAP = "draft/metadata-3";

    @Test
    void capabilityAdvertisesItsLimits() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("CAP LS 302");
            List<IrcMessage> ls = client.collectUntil(
                    m -> m.command().equals("CAP") && !m.param(2).equals("*"));
            assertThat(ls)
                    .extracting(IrcMessage::lastParam)
                    .anySatisfy(caps -> assertThat(caps.split(" "))
                            .contains(CAP + "=before-connect,max-subs=50,max-keys=20,max-value-bytes=300"));
        }
    }

    @Test
    void aUserSetsGetsListsAndUnsetsItsOwnKeys() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");

            foo.send("METADATA * SET display-name :Foo the First");
            assertThat(foo.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("foo", "foo", "display-name", "*", "Foo the First");
            foo.send("METADATA foo GET display-name avatar");
            List<IrcMessage> batch = batchOf(foo);
            assertThat(batch).extracting(IrcMessage::command).containsExactly("761", "766");
            assertThat(batch.get(1).params()).startsWith("foo", "foo", "avatar");

            foo.send("METADATA * SET avatar :https://example.com/a.png");
            foo.expect(Numeric.RPL_KEYVALUE);
            foo.send("METADATA * LIST");
            assertThat(batchOf(foo)).extracting(m -> m.param(2)).containsExactly("display-name", "avatar");

            foo.send("METADATA * SET display-name");
            assertThat(foo.expect(Numeric.RPL_KEYNOTSET).params()).startsWith("foo", "foo", "display-name");
            foo.send("METADATA * SET display-name");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "KEY_NOT_SET", "foo", "display-name");
            foo.send("METADATA * CLEAR");
            assertThat(batchOf(foo)).extracting(m -> m.param(2)).containsExactly("avatar");
            foo.send("METADATA * LIST");
            assertThat(batchOf(foo)).isEmpty();
        }
    }

    @Test
    void badKeysValuesTargetsAndSubcommandsGetStandardReplies() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");

            foo.send("METADATA * SET Display-Name :x");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "INVALID_KEY", "Display-Name");
            foo.send("METADATA * SET display-name :" + "é".repeat(151));
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "INVALID_VALUE", "display-name");
            foo.send("METADATA nobody LIST");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "INVALID_TARGET", "nobody");
            foo.send("METADATA * DESTROY");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "SUBCOMMAND_INVALID", "DESTROY");
            foo.sendRaw("METADATA * SET display-name :bad \u00c3 utf8\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "INVALID_UTF8");

            for (int i = 0; i < 20; i++) {
                foo.send("METADATA * SET key" + i + " :v");
                foo.expect(Numeric.RPL_KEYVALUE);
            }
            foo.send("METADATA * SET key20 :v");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "LIMIT_REACHED", "foo");
            foo.send("METADATA * SET key0 :replacing an existing key is still allowed");
            foo.expect(Numeric.RPL_KEYVALUE);
        }
    }

    @Test
    void subscribersSharingARoomHearOfChangesOthersDoNot() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            RawIrcClient bar = server.connect();
            bar.registerWithCaps("bar", "chat@123", CAP, "batch");
            RawIrcClient quiet = server.connect();
            quiet.registerWithCaps("quiet", "chat@123", CAP, "batch");
            RawIrcClient stranger = server.connect();
            stranger.registerWithCaps("stranger", "chat@123", CAP, "batch");
            bar.send("METADATA * SUB avatar display-name");
            assertThat(bar.expect(Numeric.RPL_METADATASUBOK).params()).containsExactly("bar", "avatar", "display-name");
            stranger.send("METADATA * SUB display-name");
            stranger.expect(Numeric.RPL_METADATASUBOK);
            foo.join("#chan");
            bar.join("#chan");
            quiet.join("#chan");

            foo.send("METADATA * SET display-name :Foo");
            foo.expect(Numeric.RPL_KEYVALUE);
            assertThat(bar.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("*", "foo", "display-name", "*", "Foo");
            foo.send("METADATA * SET display-name");
            assertThat(bar.expect(Numeric.RPL_KEYNOTSET).params()).startsWith("*", "foo", "display-name");
            foo.send("METADATA * SET pronouns :they/them");
            foo.expect(Numeric.RPL_KEYVALUE);

            foo.send("METADATA #chan SET display-name :The Channel");
            foo.expect(Numeric.RPL_KEYVALUE);
            assertThat(bar.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("*", "#chan", "display-name", "*", "The Channel");

            assertThat(upToPong(bar)).noneMatch(Lines.numeric(Numeric.RPL_KEYVALUE));
            assertThat(upToPong(quiet)).noneMatch(Lines.numeric(Numeric.RPL_KEYVALUE));
            assertThat(upToPong(stranger)).noneMatch(Lines.numeric(Numeric.RPL_KEYVALUE));
        }
    }

    @Test
    void aJoiningSubscriberGetsTheRoomsAndMembersValuesAndMembersGetTheNewcomers() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            foo.send("METADATA * SUB display-name");
            foo.expect(Numeric.RPL_METADATASUBOK);
            foo.join("#chan");
            foo.send("METADATA #chan SET display-name :The Channel");
            foo.expect(Numeric.RPL_KEYVALUE);
            foo.send("METADATA * SET display-name :Foo");
            foo.expect(Numeric.RPL_KEYVALUE);

            RawIrcClient bar = server.connect();
            bar.registerWithCaps("bar", "chat@123", CAP, "batch");
            bar.send("METADATA * SUB display-name");
            bar.expect(Numeric.RPL_METADATASUBOK);
            bar.send("METADATA * SET display-name :Bar");
            bar.expect(Numeric.RPL_KEYVALUE);
            List<IrcMessage> joinBurst = bar.join("#chan");

            List<IrcMessage> values = joinBurst.stream()
                    .filter(Lines.numeric(Numeric.RPL_KEYVALUE))
                    .toList();
            assertThat(values)
                    .extracting(m -> m.param(1) + "=" + m.param(4))
                    .containsExactly("#chan=The Channel", "foo=Foo");
            int namesEnd = joinBurst.size() - 1;
            assertThat(joinBurst.indexOf(values.get(1))).isLessThan(namesEnd);
            assertThat(foo.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("*", "bar", "display-name", "*", "Bar");
        }
    }

    @Test
    void onlyRoomOperatorsAndTheUserItselfMayChangeMetadata() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            RawIrcClient bar = server.connect();
            bar.registerWithCaps("bar", "chat@123", CAP, "batch");
            foo.join("#chan");
            bar.join("#chan");

            bar.send("METADATA #chan SET display-name :mine now");
            assertThat(bar.expectCommand("FAIL").params())
                    .startsWith("METADATA", "KEY_NO_PERMISSION", "#chan", "display-name");
            bar.send("METADATA foo SET display-name :Not Foo");
            assertThat(bar.expectCommand("FAIL").params())
                    .startsWith("METADATA", "KEY_NO_PERMISSION", "foo", "display-name");
            bar.send("METADATA foo CLEAR");
            assertThat(bar.expectCommand("FAIL").params()).startsWith("METADATA", "KEY_NO_PERMISSION", "foo", "*");

            RawIrcClient admin = server.admin();
            admin.send("METADATA bar SET display-name :Renamed by staff");
            assertThat(admin.expect(Numeric.RPL_KEYVALUE).params()).containsSequence("bar", "display-name");
        }
    }

    @Test
    void anInviteOnlyRoomsMetadataIsHiddenFromOutsiders() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            RawIrcClient bar = server.connect();
            bar.registerWithCaps("bar", "chat@123", CAP, "batch");
            foo.join("#hidden");
            foo.send("METADATA #hidden SET topic-url :https://secret.example");
            foo.expect(Numeric.RPL_KEYVALUE);
            foo.send("MODE #hidden +i");
            foo.expectCommand("MODE");

            for (String sub : List.of("GET topic-url", "LIST", "SYNC")) {
                bar.send("METADATA #hidden " + sub);
                IrcMessage fail = bar.expectCommand("FAIL");
                assertThat(fail.params()).startsWith("METADATA", "KEY_NO_PERMISSION", "#hidden");
                assertThat(bar.transcript()).noneMatch(line -> line.contains("secret.example"));
            }
        }
    }

    @Test
    void metadataSetBeforeRegistrationArrivesInTheWelcomeBurst() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.send("CAP LS 302");
            foo.expect(Lines.commandWithParams("CAP", "*", "LS"));
            foo.send("CAP REQ :" + CAP + " batch");
            foo.expect(Lines.commandWithParams("CAP", "*", "ACK"));
            foo.send("METADATA * SET display-name :Early Bird");
            assertThat(foo.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("*", "*", "display-name", "*", "Early Bird");
            foo.send("METADATA #elsewhere LIST");
            assertThat(foo.expectCommand("FAIL").params()).startsWith("METADATA", "KEY_NO_PERMISSION");

            foo.send("PASS chat@123");
            foo.send("NICK foo");
            foo.send("USER foo 0 * :Foo");
            foo.send("CAP END");
            List<IrcMessage> burst = foo.collectUntil(Lines.endOfMotd());
            IrcMessage start = burst.stream()
                    .filter(Lines.commandWithParams("BATCH"))
                    .findFirst()
                    .orElseThrow();
            assertThat(start.params()).containsExactly(start.param(0), "metadata", "foo");
            assertThat(burst)
                    .filteredOn(Lines.numeric(Numeric.RPL_KEYVALUE))
                    .singleElement()
                    .satisfies(m ->
                            assertThat(m.params()).containsExactly("foo", "foo", "display-name", "*", "Early Bird"));
        }
    }

    @Test
    void whoisShowsMetadataToClientsThatAskedAndSubscriptionsAreBounded() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            foo.send("METADATA * SET display-name :Foo");
            foo.expect(Numeric.RPL_KEYVALUE);
            RawIrcClient bar = server.connect();
            bar.registerWithCaps("bar", "chat@123", CAP, "batch");
            RawIrcClient plain = server.user("plain");

            bar.send("WHOIS foo");
            assertThat(bar.expect(Numeric.RPL_WHOISKEYVALUE).params())
                    .containsExactly("bar", "foo", "display-name", "*", "Foo");
            plain.send("WHOIS foo");
            List<IrcMessage> whois = plain.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHOIS));
            assertThat(whois).noneMatch(Lines.numeric(Numeric.RPL_WHOISKEYVALUE));

            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < 51; i++) {
                keys.append(" k").append(i);
            }
            bar.send("METADATA * SUB" + keys);
            IrcMessage tooMany = bar.expectCommand("FAIL");
            assertThat(tooMany.params()).startsWith("METADATA", "TOO_MANY_SUBS", "k50");
            bar.send("METADATA * SUBS");
            List<IrcMessage> subs = batchOf(bar);
            assertThat(subs)
                    .flatExtracting(m -> m.params().subList(1, m.params().size()))
                    .hasSize(50);
            bar.send("METADATA * UNSUB k0 k1");
            assertThat(bar.expect(Numeric.RPL_METADATAUNSUBOK).params()).containsExactly("bar", "k0", "k1");
        }
    }

    @Test
    void aMonitoringSubscriberHearsOfChangesWithoutSharingARoom() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient foo = server.connect();
            foo.registerWithCaps("foo", "chat@123", CAP, "batch");
            RawIrcClient watcher = server.connect();
            watcher.registerWithCaps("watcher", "chat@123", CAP, "batch");
            watcher.send("METADATA * SUB status");
            watcher.expect(Numeric.RPL_METADATASUBOK);
            watcher.send("MONITOR + foo");
            watcher.expect(Numeric.RPL_MONONLINE);

            foo.send("METADATA * SET status :in a meeting");
            assertThat(watcher.expect(Numeric.RPL_KEYVALUE).params())
                    .containsExactly("*", "foo", "status", "*", "in a meeting");
        }
    }

    /**
     * What {@code client} receives up to the answer to a PING it sends now. The notifications of a
     * change are queued for their recipients before the changer's own reply goes out, and queued
     * lines are written before a client's next input is handled, so any that were due come first.
     */
    private static List<IrcMessage> upToPong(RawIrcClient client) {
        client.send("PING :metadata-marker");
        return client.collectUntil(
                m -> m.command().equals("PONG") && m.lastParam().equals("metadata-marker"));
    }

    /** Reads one {@code metadata} or {@code metadata-subs} batch and returns what it held. */
    private static List<IrcMessage> batchOf(RawIrcClient client) {
        IrcMessage start = client.expectCommand("BATCH");
        String id = start.param(0).substring(1);
        List<IrcMessage> lines = client.collectUntil(
                m -> m.command().equals("BATCH") && m.param(0).equals("-" + id));
        return lines.subList(0, lines.size() - 1);
    }
}
