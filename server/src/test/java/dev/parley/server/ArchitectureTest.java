package dev.parley.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package table of DESIGN.md, held true: each package uses only those below it, and Netty stays
 * in {@code transport}. {@code transport} sits on top and may use everything.
 */
@AnalyzeClasses(packages = "dev.parley.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String TRANSPORT = "dev.parley.server.transport..";
    private static final String COMMAND = "dev.parley.server.command..";
    private static final String SESSION = "dev.parley.server.session..";
    private static final String CHAT = "dev.parley.server.chat..";
    private static final String HISTORY = "dev.parley.server.history..";
    private static final String AUTH = "dev.parley.server.auth..";
    private static final String STORE = "dev.parley.server.store..";
    private static final String CONFIG = "dev.parley.server.config..";

    @ArchTest
    static final ArchRule commandDoesNotKnowTheTransport = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAPackage(TRANSPORT)
            .because("handlers write to Replies, never to sockets");

    @ArchTest
    static final ArchRule sessionDoesNotKnowCommandsOrTheTransport = noClasses().that().resideInAPackage(SESSION)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, TRANSPORT)
            .because("a session reaches its handlers through the LineProcessor port");

    @ArchTest
    static final ArchRule chatIsTheDomainAndDependsOnNoLayerAbove = noClasses().that().resideInAPackage(CHAT)
            .should().dependOnClassesThat().resideInAnyPackage(SESSION, COMMAND, TRANSPORT, HISTORY, AUTH)
            .because("the chat core calls upwards only through its ports (MessageSink ...)");

    @ArchTest
    static final ArchRule storeDependsOnNoLayerAbove = noClasses().that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage(CHAT, SESSION, COMMAND, TRANSPORT, HISTORY)
            .because("storage knows SQL and its own records, not the domain that uses it");

    @ArchTest
    static final ArchRule configDependsOnNothingElseInTheServer = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are in dev.parley.server outside config",
                    (JavaClass javaClass) -> javaClass.getPackageName().startsWith("dev.parley.server")
                            && !javaClass.getPackageName().startsWith("dev.parley.server.config")))
            .because("config is the immutable snapshot everyone else is built from");

    @ArchTest
    static final ArchRule onlyTheTransportUsesNetty = noClasses().that().resideInAPackage("dev.parley.server..")
            .and().resideOutsideOfPackage(TRANSPORT)
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("Netty is a transport detail; everything else is testable without it");

    @ArchTest
    static final ArchRule onlyDeliveryFansOut = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.parley.server.chat.Delivery")
            .and().doNotHaveFullyQualifiedName("dev.parley.server.chat.Fanout")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.parley.server.chat.Fanout")
            .because("a message is stamped, fanned out and stored in one place, where a cluster bus will hook in");
}
