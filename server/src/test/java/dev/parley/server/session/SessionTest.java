package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.cap.Capability;
import dev.parley.protocol.cap.CapabilitySet;
import dev.parley.server.chat.OutboundLine;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.chat.UserSnapshot;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SessionTest {

    /** A connection whose owning thread is whichever thread the test says. */
    private static final class OwnedConnection implements Connection {
        volatile Thread owner = Thread.currentThread();

        @Override
        public String id() {
            return "c1";
        }

        @Override
        public String remoteIp() {
            return "192.0.2.7";
        }

        @Override
        public boolean isLoopback() {
            return false;
        }

        @Override
        public void send(OutboundLine line) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public boolean inOwnThread() {
            return Thread.currentThread() == owner;
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            return () -> {};
        }

        @Override
        public void setReading(boolean reading) {}
    }

    private final OwnedConnection connection = new OwnedConnection();
    private final Session session = new Session(connection);

    @Test
    void aNewSessionPublishesOnlyItsHost() {
        UserSnapshot user = session.snapshot();

        assertThat(user.host()).isEqualTo("192.0.2.7");
        assertThat(user.nick()).isNull();
        assertThat(user.registered()).isFalse();
        assertThat(session.nickOrStar()).isEqualTo("*");
    }

    @Test
    void everyChangePublishesANewSnapshotAndLeavesTheOldOneAsItWas() {
        session.setNick("alice");
        session.setUser("al");
        UserSnapshot before = session.snapshot();

        session.setAccount("alice");
        session.setAwayMessage("lunch");
        session.setCaps(CapabilitySet.of(List.of(Capability.ECHO_MESSAGE)));

        assertThat(before.account()).isNull();
        assertThat(before.awayMessage()).isNull();
        UserSnapshot after = session.snapshot();
        assertThat(after.source()).isEqualTo("alice!al@192.0.2.7");
        assertThat(after.account()).isEqualTo("alice");
        assertThat(session.awayMessage()).isEqualTo("lunch");
        assertThat(session.caps().has(Capability.ECHO_MESSAGE)).isTrue();
    }

    @Test
    void theSourceFollowsANickChange() {
        session.setNick("alice");
        session.setUser("al");
        session.setNick("alicia");

        assertThat(session.source()).isEqualTo("alicia!al@192.0.2.7");
    }

    @Test
    void registrationRecordsTheSignonAndCountsTheUser() {
        UserCounts counts = new UserCounts();
        session.setNick("alice");
        session.markRegistered(1_000, counts);

        assertThat(session.isRegistered()).isTrue();
        assertThat(session.signonMillis()).isEqualTo(1_000);
        assertThat(session.lastMessageMillis()).isEqualTo(1_000);
        session.touchMessage(5_000);
        assertThat(session.lastMessageMillis()).isEqualTo(5_000);
        assertThat(session.signonMillis()).isEqualTo(1_000);
    }

    @Test
    void stateChangedOffTheEventLoopFailsFast() {
        connection.owner = new Thread(() -> {});

        assertThatThrownBy(() -> session.setNick("mallory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("off its event loop");
        assertThatThrownBy(session::markClosing).isInstanceOf(IllegalStateException.class);
        assertThat(session.nick()).isNull();
    }

    @Test
    void anotherThreadReadsThePublishedUser() throws Exception {
        session.setNick("alice");
        session.setAccount("alice");

        String seen = CompletableFuture.supplyAsync(() -> session.snapshot().nick() + "/" + session.account())
                .get();

        assertThat(seen).isEqualTo("alice/alice");
    }

    @Test
    void theSnapshotIsTheOnlyVolatileField() {
        List<String> volatiles = Arrays.stream(Session.class.getDeclaredFields())
                .filter(field -> Modifier.isVolatile(field.getModifiers()))
                .map(Field::getName)
                .toList();

        // The other: the account presence a connection is one device of, which other threads follow.
        assertThat(volatiles).containsExactly("published", "presence");
    }
}
