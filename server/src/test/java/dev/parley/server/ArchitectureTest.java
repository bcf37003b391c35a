package dev.parley.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.server.command.CommandFamily;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package table of DESIGN.md, held true: each package uses only those below it, and Netty stays
 * in {@code transport}. {@code transport} sits on top and may use everything; {@code command} holds
 * commands and their dispatch only, and nothing but its feeders depends on it. No package cycle, no
 * file cycle beyond the listed ones that are still to be broken.
 */
@AnalyzeClasses(packages = "dev.parley.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String TRANSPORT = "dev.parley.server.transport..";
    private static final String COMMAND = "dev.parley.server.command..";
    private static final String SESSION = "dev.parley.server.session..";
    private static final String CHAT = "dev.parley.server.chat..";
    private static final String HISTORY = "dev.parley.server.history..";
    private static final String AUTH = "dev.parley.server.auth..";
    private static final String LOGIN = "dev.parley.server.login..";
    private static final String INFO = "dev.parley.server.info..";
    private static final String STORE = "dev.parley.server.store..";
    private static final String CONFIG = "dev.parley.server.config..";

    @ArchTest
    static final ArchRule commandDoesNotKnowTheTransport = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TRANSPORT)
            .because("handlers write to Replies, never to sockets");

    @ArchTest
    static final ArchRule sessionDoesNotKnowCommandsOrTheTransport = noClasses()
            .that()
            .resideInAPackage(SESSION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, TRANSPORT, LOGIN, INFO, HISTORY, AUTH)
            .because("a session reaches its handlers through the LineProcessor port, and the services built"
                    + " on sessions (login, server replies, history replays) sit above it");

    @ArchTest
    static final ArchRule chatIsTheDomainAndDependsOnNoLayerAbove = noClasses()
            .that()
            .resideInAPackage(CHAT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SESSION, COMMAND, TRANSPORT, HISTORY, AUTH, LOGIN, INFO)
            .because("the chat core calls upwards only through its ports (MessageSink ...)");

    @ArchTest
    static final ArchRule storeDependsOnNoLayerAbove = noClasses()
            .that()
            .resideInAPackage(STORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CHAT, SESSION, COMMAND, TRANSPORT, HISTORY, AUTH, LOGIN, INFO)
            .because("storage knows SQL and its own records, not the domain that uses it");

    @ArchTest
    static final ArchRule authKnowsNoSessionsOrReplies = noClasses()
            .that()
            .resideInAPackage(AUTH)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CHAT, SESSION, COMMAND, TRANSPORT, HISTORY, LOGIN, INFO)
            .because("accounts, bans and passwords are checked on store ports; what a login tells the client"
                    + " is the login package's");

    @ArchTest
    static final ArchRule configDependsOnNothingElseInTheServer = noClasses()
            .that()
            .resideInAPackage(CONFIG)
            .should()
            .dependOnClassesThat(DescribedPredicate.describe(
                    "are in dev.parley.server outside config",
                    (JavaClass javaClass) -> javaClass.getPackageName().startsWith("dev.parley.server")
                            && !javaClass.getPackageName().startsWith("dev.parley.server.config")))
            .because("config is the immutable snapshot everyone else is built from");

    @ArchTest
    static final ArchRule onlyTheTransportUsesNetty = noClasses()
            .that()
            .resideInAPackage("dev.parley.server..")
            .and()
            .resideOutsideOfPackage(TRANSPORT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.netty..")
            .because("Netty is a transport detail; everything else is testable without it");

    @ArchTest
    static final ArchRule onlyTheWiringAndTheTransportKnowCommands = noClasses()
            .that()
            .resideOutsideOfPackages(COMMAND, TRANSPORT)
            .and(DescribedPredicate.describe(
                    "are not ParleyServer",
                    (JavaClass javaClass) -> !topLevelName(javaClass).equals("dev.parley.server.ParleyServer")))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(COMMAND)
            .because("command depends on the domain packages, never the reverse: ParleyServer wires the"
                    + " families and the transport feeds them lines; everything else is a domain service");

    @ArchTest
    static final ArchRule commandHoldsOnlyCommandFamiliesAndDispatch = classes()
            .that()
            .resideInAPackage(COMMAND)
            .and()
            .areTopLevelClasses()
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .haveSimpleNameEndingWith("Commands")
            .orShould()
            .haveSimpleNameStartingWith("Command")
            .because("a service that is not a command (read markers, caps, replies ...) belongs to the package"
                    + " that owns what it does, where other packages may use it");

    @ArchTest
    static final ArchRule everyCommandsClassIsAFamilyOfTheTable = classes()
            .that()
            .resideInAPackage(COMMAND)
            .and()
            .areTopLevelClasses()
            .and()
            .haveSimpleNameEndingWith("Commands")
            .should()
            .implement(CommandFamily.class)
            .because("the name promises verbs in the command table, not a helper that escaped the rule above");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.parley.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static void noFileCycles(JavaClasses imported) {
        Set<String> found = new TreeSet<>();
        for (Set<String> cycle : FileCycles.of(topLevelDependencies(imported))) {
            found.add(String.join(" <-> ", cycle));
        }
        assertThat(found)
                .as("file-level dependency cycles in dev.parley.server (top-level classes); break one with a"
                        + " port in the lower file, as chat.MessageSink, Room.Stamping and Outgoing.Route do")
                .isEmpty();
    }

    /** Top-level class to the top-level classes it depends on; nested classes count as their file. */
    private static Map<String, Set<String>> topLevelDependencies(JavaClasses imported) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass javaClass : imported) {
            String from = shortName(topLevelName(javaClass));
            Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (target.getPackageName().startsWith("dev.parley.server")) {
                    String to = shortName(topLevelName(target));
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        }
        return graph;
    }

    private static String topLevelName(JavaClass javaClass) {
        String name = javaClass.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** {@code chat.Room} for {@code dev.parley.server.chat.Room}: readable in a failure message. */
    private static String shortName(String name) {
        String prefix = "dev.parley.server.";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    @ArchTest
    static final ArchRule onlyDeliveryFansOut = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.parley.server.chat.Delivery")
            .and()
            .doNotHaveFullyQualifiedName("dev.parley.server.chat.Fanout")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.parley.server.chat.Fanout")
            .because("a message is stamped, fanned out and stored in one place, where a cluster bus will hook in");
}
