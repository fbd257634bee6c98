package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.flight.ThreatClass.Category;
import dev.bulwark.engine.threat.AreaKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The battle-management keys: kind weights, assignment, cost weight, probability of kill per threat, layer. */
class BattleManagementKeysTest {

    @TempDir
    Path dir;

    private LoadedScenario load(String pk, String extra) throws IOException, ScenarioException {
        String base = Files.readString(TestFiles.resource("valid/base.yaml"));
        String text = base.replace("    probability_of_kill: 0.9\n", "    probability_of_kill: " + pk + "\n") + extra;
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    private ScenarioException problems(String pk, String extra) {
        return catchThrowableOfType(ScenarioException.class, () -> load(pk, extra));
    }

    @Test
    void doctrineKeysAreRead() throws Exception {
        Doctrine d = load("0.9", "doctrine:\n  kind_weights: {hospital: 3, school: 2.5}\n  assignment: exact\n"
                + "  cost_weight: 0.0001\n").world().doctrine();
        assertThat(d.kindWeight(AreaKind.HOSPITAL)).isEqualTo(3.0);
        assertThat(d.kindWeight(AreaKind.SCHOOL)).isEqualTo(2.5);
        assertThat(d.kindWeight(AreaKind.RESIDENTIAL)).isEqualTo(1.0);
        assertThat(d.assignment()).isEqualTo(Doctrine.Assignment.EXACT);
        assertThat(d.costWeight()).isEqualTo(1e-4);
        assertThat(d.ambiguousWait()).isEqualTo(Doctrine.DEFAULT_AMBIGUOUS_WAIT);
        Doctrine waiting = load("0.9", "doctrine:\n  ambiguous_wait: last_shot\n  reassess_s: 2\n").world().doctrine();
        assertThat(waiting.ambiguousWait()).isEqualTo(Doctrine.AmbiguousWait.LAST_SHOT);
        assertThat(waiting.reassessS()).isEqualTo(2.0);
    }

    @Test
    void aBadAmbiguousWaitIsNamed() {
        ScenarioException e = problems("0.9", "doctrine:\n  ambiguous_wait: forever\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("doctrine.ambiguous_wait");
        assertThat(e.problems().get(0).message()).contains("second_shot, last_shot");
    }

    @Test
    void withoutTheKeysEveryKindWeighsOneAndTheAssignmentIsTheDefault() throws Exception {
        Doctrine d = load("0.9", "doctrine:\n  engage_threshold: 0.3\n").world().doctrine();
        for (AreaKind k : AreaKind.values()) {
            assertThat(d.kindWeight(k)).isEqualTo(1.0);
        }
        assertThat(d.assignment()).isEqualTo(Doctrine.DEFAULT_ASSIGNMENT);
        assertThat(d.costWeight()).isZero();
        BatterySpec b = load("0.9", "").world().batteries().get(0);
        assertThat(b.killProbabilities().isUniform()).isTrue();
        assertThat(b.layer()).isEqualTo(1);
    }

    @Test
    void badKindWeightsAreNamed() {
        ScenarioException e = problems("0.9", "doctrine:\n  kind_weights: {hospitl: 3, school: 0}\n  assignment: best\n"
                + "  cost_weight: -1\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("doctrine.kind_weights.hospitl",
                "doctrine.kind_weights.school", "doctrine.assignment", "doctrine.cost_weight");
        assertThat(e.problems().get(0).message()).contains("did you mean 'hospital'?");
        assertThat(e.problems().get(2).message()).contains("threat_order, greedy, exact, lns");
    }

    @Test
    void aKillProbabilityMapIsReadByTypeCategoryAndDefault() throws Exception {
        BatterySpec b = load("{default: 0.9, drone: 0.7, grad-122: 0.8}\n    layer: 2", "").world().batteries().get(0);
        assertThat(b.probabilityOfKill()).isEqualTo(0.9);
        assertThat(b.killProbabilities().against(Category.DRONE)).isEqualTo(0.7);
        assertThat(b.killProbabilities().against(Category.CRUISE_MISSILE)).isEqualTo(0.9);
        assertThat(b.killProbabilities().byType()).containsEntry("grad-122", 0.8);
        assertThat(b.layer()).isEqualTo(2);
    }

    @Test
    void badKillProbabilityMapsAreNamed() {
        ScenarioException e = problems("{drone: 1.5, gard-122: 0.5}\n    layer: 0", "");
        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "batteries[0].probability_of_kill.gard-122", "batteries[0].probability_of_kill.default",
                "batteries[0].probability_of_kill.drone", "batteries[0].layer");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("did you mean 'grad-122'?"));
    }
}
