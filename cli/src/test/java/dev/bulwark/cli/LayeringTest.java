package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the layering of DESIGN.md on the real classes of every module, and shows on a set of
 * deliberately wrong fixture classes ({@code dev.bulwark.cli.archfixture}) that each rule fails
 * when it should.
 */
class LayeringTest {

    private static final String FIXTURE = "dev.bulwark.cli.archfixture";

    private static JavaClasses bulwark;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        bulwark = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulwark");
        fixtures = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(FIXTURE);
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {"engine", "scenario", "results", "cli"}) {
            assertThat(bulwark.stream().anyMatch(c -> c.getPackageName().startsWith("dev.bulwark." + module)))
                    .as(module).isTrue();
        }
        for (String stage : new String[] {"track", "network", "fusion"}) {
            assertThat(bulwark.stream().anyMatch(c -> c.getPackageName().startsWith("dev.bulwark.engine." + stage)))
                    .as(stage).isTrue();
        }
        assertThat(bulwark.stream().noneMatch(c -> c.getPackageName().startsWith(FIXTURE))).isTrue();
    }

    @Test
    void theEngineUsesNoIoLibrary() {
        LayeringRules.engineUsesNoIoLibrary("dev.bulwark").check(bulwark);
    }

    @Test
    void theEngineDependsOnNoOtherModule() {
        LayeringRules.engineDependsOnNoOtherModule("dev.bulwark").check(bulwark);
    }

    @Test
    void theScenarioModuleStaysBelowResultsAndCli() {
        LayeringRules.scenarioStaysBelowResultsAndCli("dev.bulwark").check(bulwark);
    }

    @Test
    void theResultsModuleStaysBelowScenarioAndCli() {
        LayeringRules.resultsStaysBelowScenarioAndCli("dev.bulwark").check(bulwark);
    }

    @Test
    void theTrackerNeverReadsTruth() {
        LayeringRules.trackerNeverReadsTruth("dev.bulwark").check(bulwark);
    }

    @Test
    void fusionNeverReadsTruth() {
        LayeringRules.fusionNeverReadsTruth("dev.bulwark").check(bulwark);
    }

    @Test
    void theNetworkStaysBelowTracking() {
        LayeringRules.networkStaysBelowTracking("dev.bulwark").check(bulwark);
    }

    // ---- each rule can fail ----

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void theIoRuleCatchesEachForbiddenLibrary() {
        String report = violations(LayeringRules.engineUsesNoIoLibrary(FIXTURE));
        for (String offender : new String[] {"UsesJavaIoFile", "UsesNioFiles", "UsesNet", "UsesSql", "UsesYaml",
            "UsesJackson", "UsesPicocli"}) {
            assertThat(report).as(offender).contains(FIXTURE + ".engine." + offender);
        }
        assertThat(report).doesNotContain(FIXTURE + ".engine.Pure");
    }

    @Test
    void theEngineRuleCatchesADependencyOnAModuleAbove() {
        assertThat(violations(LayeringRules.engineDependsOnNoOtherModule(FIXTURE)))
                .contains(FIXTURE + ".engine.UsesScenario");
    }

    @Test
    void theScenarioRuleCatchesResultsAndCli() {
        assertThat(violations(LayeringRules.scenarioStaysBelowResultsAndCli(FIXTURE)))
                .contains(FIXTURE + ".scenario.UsesResults").contains(FIXTURE + ".scenario.UsesCli");
    }

    @Test
    void theResultsRuleCatchesScenarioAndCli() {
        assertThat(violations(LayeringRules.resultsStaysBelowScenarioAndCli(FIXTURE)))
                .contains(FIXTURE + ".results.UsesScenario").contains(FIXTURE + ".results.UsesCli");
    }

    @Test
    void theTrackerRuleCatchesAReadOfTruth() {
        assertThat(violations(LayeringRules.trackerNeverReadsTruth(FIXTURE)))
                .contains(FIXTURE + ".engine.track.ReadsTruth");
    }

    @Test
    void theFusionRuleCatchesAReadOfTruth() {
        assertThat(violations(LayeringRules.fusionNeverReadsTruth(FIXTURE)))
                .contains(FIXTURE + ".engine.fusion.ReadsTruth");
    }

    @Test
    void theNetworkRuleCatchesTruthAndTracks() {
        assertThat(violations(LayeringRules.networkStaysBelowTracking(FIXTURE)))
                .contains(FIXTURE + ".engine.network.ReadsTruth").contains(FIXTURE + ".engine.network.ReadsTracks");
    }
}
