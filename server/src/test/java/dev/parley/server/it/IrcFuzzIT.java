package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.cap.Capability;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Mutated valid lines of every verb in the command table, over TCP and WebSocket, for about a
 * minute ({@code -Dparley.fuzz.seconds=N} for longer; {@code -Dparley.fuzz.seed=S} replays a run).
 * Throughout, bystanders in the fuzzer's room stay connected and the server answers their PINGs;
 * nothing the server logs is an ERROR or a WARN with a stack trace. A fuzzer that QUITs (or is
 * closed for what it sent) is replaced by a new one.
 */
class IrcFuzzIT {

    private static final long SECONDS = Long.getLong("parley.fuzz.seconds", 60);
    private static final int LINES_PER_ROUND = 40;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final int SHOWN_ON_FAILURE = 60;
    private static final HttpConfig HTTP_ON_A_FREE_PORT =
            new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF);
    private static final String[] ALL_CAPS = Arrays.stream(Capability.values())
            .filter(c -> c != Capability.SASL)
            .map(Capability::wireName)
            .toArray(String[]::new);

    private final Deque<String> lastSent = new ArrayDeque<>();
    private final Map<String, Integer> sentPerVerb = new TreeMap<>();
    private final List<String> fuzzerEnds = new ArrayList<>();
    /** Fuzzers that sent a line built on QUIT: the server may close them before they read its ERROR. */
    private final Set<LineClient> sentQuit = Collections.newSetFromMap(new IdentityHashMap<>());

    @Test
    void mutatedLinesOfEveryVerbOverTcpAndWebSocketHurtNobodyElse() {
        long seed = Long.getLong("parley.fuzz.seed", System.nanoTime());
        System.out.println("IrcFuzzIT: seed " + seed + ", " + SECONDS + " s");
        try (ErrorLogWatch log = ErrorLogWatch.attach()) {
            try (TestServer server = TestServer.start(IrcFuzzIT::fuzzable)) {
                fuzz(server, new Random(seed));
            }
            assertThat(log.problems())
                    .as("errors and stack traces the server logged")
                    .isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "IrcFuzzIT failed with seed " + seed + " (rerun with -Dparley.fuzz.seed=" + seed + "): "
                            + e.getMessage() + "\nlast lines sent:\n" + String.join("\n", lastSent),
                    e);
        }
        System.out.println("IrcFuzzIT: lines per verb " + sentPerVerb + "; fuzzers replaced: " + fuzzerEnds.size()
                + " ("
                + fuzzerEnds.stream().filter(why -> why.contains(": 1009 ")).count()
                + " for a WebSocket message over the limit)");
    }

    /**
     * Flood control off and a large send queue, so the fuzzer's volume is not what closes anyone;
     * login and registration limits high, so its wrong OPER passwords do not lock out the next
     * fuzzer's PASS (both count as logins from 127.0.0.1).
     */
    private static ParleyConfig fuzzable(ParleyConfig config) {
        AccountsConfig a = config.accounts();
        ParleyConfig open = config.withHttp(HTTP_ON_A_FREE_PORT)
                .withAccounts(new AccountsConfig(
                        a.registration(),
                        a.bcryptCost(),
                        a.minPasswordLength(),
                        1_000_000,
                        a.loginWindow(),
                        1_000_000,
                        a.registrationWindow()));
        return TestLimits.sendQueueBytes(1 << 20).apply(TestLimits.noFlood().apply(open));
    }

    private void fuzz(TestServer server, Random random) {
        List<String> verbs =
                new ArrayList<>(new java.util.TreeSet<>(server.server().commandVerbs()));
        assertThat(verbs).as("the command table").contains("PRIVMSG", "CHATHISTORY", "QUIT");
        List<LineClient> bystanders = bystanders(server);
        LineClient[] fuzzers = {tcpFuzzer(server, random, "fuzzer0"), wsFuzzer(server, "wsfuzzer0")};
        long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        for (int round = 0; System.nanoTime() < end || round < 3 * verbs.size(); round++) {
            if (round % 3 == 2) {
                unregistered(server, verbs, random, round);
            } else {
                int which = round % 3;
                fuzzRound(fuzzers[which], verbs, random);
                if (!fuzzers[which].pingPong("f" + round, ANSWER_WITHIN)) {
                    fuzzers[which] = replace(server, fuzzers[which], which, random);
                }
            }
            for (LineClient bystander : bystanders) {
                assertThat(bystander.pingPong("b" + round, ANSWER_WITHIN))
                        .as(
                                "a bystander still connected after round %d: %s\n%s",
                                round, bystander.closedBecause(), bystander.recentLines())
                        .isTrue();
            }
        }
        assertThat(sentPerVerb.keySet()).as("verbs fuzzed").containsAll(verbs);
        for (LineClient bystander : bystanders) {
            bystander.close();
        }
    }

    private void fuzzRound(LineClient fuzzer, List<String> verbs, Random random) {
        for (int i = 0; i < LINES_PER_ROUND; i++) {
            String verb = verb(verbs, random);
            send(fuzzer, verb, Mutations.mutate(ValidLines.of(verb, random), random));
        }
    }

    /**
     * A new connection fuzzed before it registers (CAP, AUTHENTICATE, PASS, NICK, USER and what
     * must be refused then). It may be closed for what it sent (a wrong PASS); if it is open, the
     * server answers its PING.
     */
    private void unregistered(TestServer server, List<String> verbs, Random random, int round) {
        try (TcpLineClient stranger = TcpLineClient.connect(server)) {
            fuzzRound(stranger, verbs, random);
            boolean answered = stranger.pingPong("u" + round, ANSWER_WITHIN);
            assertThat(answered || stranger.closedBecause() != null).isTrue();
        }
    }

    /** Any verb of the table; QUIT a tenth as often as the others, so a fuzzer lives long enough to build state. */
    private static String verb(List<String> verbs, Random random) {
        String verb = verbs.get(random.nextInt(verbs.size()));
        return verb.equals("QUIT") && random.nextInt(10) != 0 ? verbs.get(random.nextInt(verbs.size())) : verb;
    }

    private void send(LineClient fuzzer, String verb, byte[] line) {
        sentPerVerb.merge(verb, 1, Integer::sum);
        if (verb.equals("QUIT")) {
            sentQuit.add(fuzzer);
        }
        lastSent.addLast((fuzzer instanceof TcpLineClient ? "tcp " : "ws  ") + Fuzzed.printable(line));
        if (lastSent.size() > SHOWN_ON_FAILURE) {
            lastSent.removeFirst();
        }
        fuzzer.sendRaw(line);
    }

    /**
     * A fuzzer that is gone: it must have QUIT, or (over WebSocket) sent a message over the frame
     * limit, which closes with 1009 as WebSocket says; a new one takes its place. After a QUIT the
     * fuzzer may have kept sending, so the server's close can reach it as a reset that discards
     * the ERROR line still unread: a reset is accepted only from a fuzzer that sent QUIT.
     */
    private LineClient replace(TestServer server, LineClient gone, int which, Random random) {
        String recent = gone.recentLines();
        String error = recent.lines()
                .filter(line -> line.startsWith("ERROR"))
                .reduce((a, b) -> b)
                .orElse("(no ERROR)");
        String why = error + " / " + gone.closedBecause() + (sentQuit.remove(gone) ? " (after a QUIT)" : "");
        fuzzerEnds.add(why);
        assertThat(why)
                .as("why a fuzzer was closed\n%s", recent)
                .matches("(?is).*(quit|: 1009 |reset.*after a QUIT).*");
        gone.close();
        String nick = (which == 0 ? "fuzzer" : "wsfuzzer") + fuzzerEnds.size();
        return which == 0 ? tcpFuzzer(server, random, nick) : wsFuzzer(server, nick);
    }

    /** A plain TCP client, one with every capability, and a WebSocket client, all in #room. */
    private static List<LineClient> bystanders(TestServer server) {
        LineClient alice = TcpLineClient.connect(server).register("alice");
        LineClient bob = TcpLineClient.connect(server).register("bob", ALL_CAPS);
        LineClient carol = WebSocketLineClient.connect(server).register("carol");
        for (LineClient bystander : List.of(alice, bob, carol)) {
            bystander.sendRaw("JOIN #room\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            bystander.await(line -> line.contains(" 366 ") && line.contains(" #room "), ANSWER_WITHIN);
        }
        return List.of(alice, bob, carol);
    }

    /** Over TCP, with every capability half the time (labels, batches and tags take other paths). */
    private static LineClient tcpFuzzer(TestServer server, Random random, String nick) {
        TcpLineClient fuzzer = TcpLineClient.connect(server);
        return joined(random.nextBoolean() ? fuzzer.register(nick, ALL_CAPS) : fuzzer.register(nick));
    }

    private static LineClient wsFuzzer(TestServer server, String nick) {
        return joined(WebSocketLineClient.connect(server).register(nick));
    }

    private static LineClient joined(LineClient fuzzer) {
        assertThat(fuzzer.closedBecause())
                .as("a new fuzzer registered\n%s", fuzzer.recentLines())
                .isNull();
        fuzzer.sendRaw("JOIN #room,#fuzz\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // #fuzz may be +i, +k or +l by now (an earlier fuzzer was its operator); #room is only ever alice's.
        fuzzer.await(line -> line.contains(" 366 ") && line.contains(" #room "), ANSWER_WITHIN);
        return fuzzer;
    }

    /** Lines as the failure message shows them. */
    private static final class Fuzzed {
        static String printable(byte[] line) {
            StringBuilder text = new StringBuilder();
            for (byte b : line) {
                int c = b & 0xFF;
                text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
            return text.length() > 300 ? text.substring(0, 300) + "... (" + line.length + " bytes)" : text.toString();
        }
    }
}
