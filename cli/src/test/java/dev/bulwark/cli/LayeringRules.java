package dev.bulwark.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering of DESIGN.md as ArchUnit rules, over a root package: {@code dev.bulwark} for
 * the real code, a fixture package for the tests that show each rule can fail.
 */
final class LayeringRules {

    private LayeringRules() {
    }

    /** Libraries for files, networks, databases, YAML, JSON, command lines and HTTP servers. */
    private static final DescribedPredicate<JavaClass> IO_LIBRARIES = describe(
            "file, network, database, YAML, JSON, CLI or HTTP libraries",
            (JavaClass c) -> c.getName().startsWith("java.io.File")
                    || resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..", "org.snakeyaml..",
                            "com.fasterxml.jackson..", "picocli..", "io.javalin..", "org.duckdb..").test(c));

    /** The engine is pure computation: no file, network, database, YAML, JSON, CLI or HTTP library. */
    static ArchRule engineUsesNoIoLibrary(String root) {
        return noClasses().that().resideInAPackage(root + ".engine..")
                .should().dependOnClassesThat(IO_LIBRARIES)
                .because("the engine is pure computation; reading and writing happen in the modules above it");
    }

    /** The engine depends on no other Bulwark module. */
    static ArchRule engineDependsOnNoOtherModule(String root) {
        return noClasses().that().resideInAPackage(root + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".scenario..", root + ".results..",
                        root + ".cli..", root + ".interop..", root + ".web..", root + ".spark..", root + ".bench..")
                .because("dependencies point down DESIGN.md's table and the engine is at the bottom");
    }

    /** The scenario module does not know the results or the command. */
    static ArchRule scenarioStaysBelowResultsAndCli(String root) {
        return noClasses().that().resideInAPackage(root + ".scenario..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".results..", root + ".cli..")
                .because("the scenario module depends on the engine only");
    }

    /** The results module does not know the scenario format or the command. */
    static ArchRule resultsStaysBelowScenarioAndCli(String root) {
        return noClasses().that().resideInAPackage(root + ".results..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".scenario..", root + ".cli..")
                .because("the results module depends on the engine only");
    }

    /** The tracker never reads truth. */
    static ArchRule trackerNeverReadsTruth(String root) {
        return noClasses().that().resideInAPackage(root + ".engine.track..")
                .should().dependOnClassesThat().resideInAPackage(root + ".engine.flight..")
                .because("the tracker knows only plots; only the metrics compare tracks with truth");
    }

    /** Fusion never reads truth either: it sees only track reports. */
    static ArchRule fusionNeverReadsTruth(String root) {
        return noClasses().that().resideInAPackage(root + ".engine.fusion..")
                .should().dependOnClassesThat().resideInAPackage(root + ".engine.flight..")
                .because("fusion combines the nodes' tracks; only the metrics compare tracks with truth");
    }

    /** The network carries numbers: it knows neither truth nor the stages after it. */
    static ArchRule networkStaysBelowTracking(String root) {
        return noClasses().that().resideInAPackage(root + ".engine.network..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".engine.flight..", root + ".engine.track..",
                        root + ".engine.fusion..", root + ".engine.threat..", root + ".engine.assign..",
                        root + ".engine.effector..")
                .because("the network stage carries messages between nodes and must not reach into what they mean");
    }

    static List<ArchRule> all(String root) {
        return List.of(engineUsesNoIoLibrary(root), engineDependsOnNoOtherModule(root),
                scenarioStaysBelowResultsAndCli(root), resultsStaysBelowScenarioAndCli(root),
                trackerNeverReadsTruth(root), fusionNeverReadsTruth(root), networkStaysBelowTracking(root));
    }
}
