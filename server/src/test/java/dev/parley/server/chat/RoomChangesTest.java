package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.CaseMapping;
import org.junit.jupiter.api.Test;

class RoomChangesTest {

    private final Room room = new Room("#room", CaseMapping.RFC1459, 0);

    private static IrcMessage mode(String... params) {
        return IrcMessage.from("alice!a@h", "MODE", params);
    }

    @Test
    void flagsKeyLimitAndListsOfAnotherNodesModeApplyHere() {
        RoomChanges.modes(room, mode("#room", "+mkl-n+b", "secret", "10", "spam!*@*"), 100);

        assertThat(room.modes().moderated()).isTrue();
        assertThat(room.modes().noExternal()).isFalse();
        assertThat(room.modes().key()).isEqualTo("secret");
        assertThat(room.modes().limit()).isEqualTo(10);
        assertThat(room.bans().entries()).containsExactly(new ListEntry("spam!*@*", "alice", 100));
    }

    @Test
    void aKeyRemovedAsTheLineShowsItAndAnUnsetLimitTakeNoArgumentOfTheNextMode() {
        RoomChanges.modes(room, mode("#room", "+k", "secret"), 0);

        RoomChanges.modes(room, mode("#room", "-kl+e", "*", "friend!*@*"), 0);

        assertThat(room.modes().key()).isNull();
        assertThat(room.modes().limit()).isZero();
        assertThat(room.banExceptions().entries()).extracting(ListEntry::mask).containsExactly("friend!*@*");
    }

    @Test
    void privilegesAreReturnedForTheCallerNotApplied() {
        assertThat(RoomChanges.modes(room, mode("#room", "+o-v", "bob", "carol"), 0))
                .containsExactly(
                        new RoomChanges.Privilege(true, 'o', "bob"), new RoomChanges.Privilege(false, 'v', "carol"));
        assertThat(RoomChanges.privileges(mode("#room", "+tv", "dave")))
                .containsExactly(new RoomChanges.Privilege(true, 'v', "dave"));
        assertThat(room.modes().topicLocked())
                .as("privileges() applies nothing")
                .isTrue();
    }

    @Test
    void aTopicFromAnotherNodeIsSetAndAnEmptyOneClears() {
        RoomChanges.topic(room, IrcMessage.from("alice!a@h", "TOPIC", "#room", "release on friday"), 7);

        assertThat(room.topic()).isEqualTo(new Topic("release on friday", "alice!a@h", 7));

        RoomChanges.topic(room, IrcMessage.from("alice!a@h", "TOPIC", "#room", ""), 8);

        assertThat(room.topic()).isNull();
    }
}
