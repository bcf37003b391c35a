package dev.parley.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.protocol.name.ChannelName;
import dev.parley.protocol.name.NickName;
import dev.parley.server.store.StoredMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryKeysTest {

    private static final CaseMapping NAMES = CaseMapping.RFC1459;

    @Test
    void mintedGuestIdentitiesAreDistinctAndNeverANickAnAccountOrARoom() {
        Set<String> minted = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> minted.add(HistoryKeys.mintGuestIdentity()));

        assertThat(minted).hasSize(10_000).allSatisfy(id -> {
            assertThat(id).startsWith("!").hasSize(23).doesNotContain(" ");
            assertThat(NickName.isValid(id, 64)).isFalse();
            assertThat(ChannelName.looksLikeRoom(id)).isFalse();
        });
    }

    @Test
    void twoGuestsOnOneNickAreTwoIdentitiesAndNeitherIsTheNick() {
        ChatUser earlier = user("Alice", null, HistoryKeys.mintGuestIdentity());
        ChatUser later = user("alice", null, HistoryKeys.mintGuestIdentity());

        assertThat(HistoryKeys.identity(NAMES, earlier))
                .isEqualTo(earlier.guestIdentity())
                .isNotEqualTo(HistoryKeys.identity(NAMES, later))
                .isNotEqualTo(HistoryKeys.byName(NAMES, "alice", null));
    }

    @Test
    void anAccountIsItsFoldedNameWhateverTheNickOrConnection() {
        ChatUser phone = user("ally", "Alice", HistoryKeys.mintGuestIdentity());
        ChatUser laptop = user("alice", "ALICE", HistoryKeys.mintGuestIdentity());

        assertThat(HistoryKeys.identity(NAMES, phone))
                .isEqualTo("~alice")
                .isEqualTo(HistoryKeys.identity(NAMES, laptop))
                .isEqualTo(HistoryKeys.byName(NAMES, "someone", "Alice"));
    }

    @Test
    void theStoredSenderIdentityDecidesAuthorship() {
        String guest = HistoryKeys.mintGuestIdentity();

        assertThat(HistoryKeys.sender(NAMES, message("alice", null, guest))).isEqualTo(guest);
        assertThat(HistoryKeys.sender(NAMES, message("alice", "Alice", "~alice")))
                .isEqualTo("~alice");
    }

    @Test
    void aRowFromBeforeSenderIdentitiesIsTheAccountsOrNoConnectionsAtAll() {
        ChatUser nextGuest = user("alice", null, HistoryKeys.mintGuestIdentity());

        assertThat(HistoryKeys.sender(NAMES, message("Bob", "Bob", null))).isEqualTo("~bob");
        assertThat(HistoryKeys.sender(NAMES, message("Alice", null, null)))
                .isNotEqualTo(HistoryKeys.identity(NAMES, nextGuest));
    }

    @Test
    void aConversationKeyIsTheSameFromEitherSide() {
        String guest = HistoryKeys.mintGuestIdentity();

        assertThat(HistoryKeys.direct(guest, "~bob"))
                .isEqualTo(HistoryKeys.direct("~bob", guest))
                .isEqualTo(guest + " ~bob");
    }

    private static StoredMessage message(String nick, String account, String identity) {
        return new StoredMessage(
                "m",
                Instant.EPOCH,
                "#room",
                "#room",
                nick,
                nick + "!u@h",
                account,
                identity,
                "PRIVMSG",
                "text",
                Map.of());
    }

    /** A ChatUser that answers only what history keys ask. */
    private static ChatUser user(String nick, String account, String guestIdentity) {
        return (ChatUser) Proxy.newProxyInstance(
                ChatUser.class.getClassLoader(),
                new Class<?>[] {ChatUser.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "nick" -> nick;
                    case "account" -> account;
                    case "guestIdentity" -> guestIdentity;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
