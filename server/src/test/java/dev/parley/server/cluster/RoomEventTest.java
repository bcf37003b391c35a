package dev.parley.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.chat.MemberStatus;
import dev.parley.server.chat.RemoteMember;
import org.junit.jupiter.api.Test;

class RoomEventTest {

    private static final RemoteMember ALICE = new RemoteMember(
            "n1",
            "Alice",
            "al",
            "host.example",
            null,
            "Alice, Liddell %2C",
            "gone, back soon",
            MemberStatus.OPERATOR,
            false);

    @Test
    void aMemberRecordSurvivesCommasSpacesAndMissingFields() {
        String record = MemberCodec.encode(ALICE);

        assertThat(record).doesNotContain(" ");
        assertThat(MemberCodec.decode(record)).isEqualTo(ALICE);
        RemoteMember voiced = ALICE.withStatus(new MemberStatus(true, true)).withAway(null);
        assertThat(MemberCodec.decode(MemberCodec.encode(voiced))).isEqualTo(voiced);
        RemoteMember plain = ALICE.withStatus(MemberStatus.PLAIN);
        assertThat(MemberCodec.decode(MemberCodec.encode(plain))).isEqualTo(plain);
        RemoteMember invisible = ALICE.withInvisible(true);
        assertThat(MemberCodec.decode(MemberCodec.encode(invisible))).isEqualTo(invisible);
        String older = record.substring(0, record.lastIndexOf(','));
        assertThat(MemberCodec.decode(older))
                .as("a record of eight fields, from an older node")
                .isEqualTo(ALICE);
    }

    @Test
    void aJoinCarriesItsMemberAndAQuitItsRooms() {
        RoomEvent join =
                RoomEvent.decode("- " + MemberCodec.encode(ALICE) + " :Alice!al@host.example JOIN #room * :Alice");
        RoomEvent quit = RoomEvent.decode("#room,#two - :Alice!al@host.example QUIT :Quit: bye now");

        assertThat(join.member()).isEqualTo(ALICE);
        assertThat(join.roomKeys()).isEmpty();
        assertThat(join.line().command()).isEqualTo("JOIN");
        assertThat(quit.member()).isNull();
        assertThat(quit.roomKeys()).containsExactly("#room", "#two");
        assertThat(quit.nick()).isEqualTo("Alice");
        assertThat(quit.line().lastParam()).isEqualTo("Quit: bye now");
    }

    @Test
    void somethingElseIsNotAnEvent() {
        assertThat(RoomEvent.decode("just two")).isNull();
        assertThat(MemberCodec.decode("a,b,c")).isNull();
    }
}
