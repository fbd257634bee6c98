package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsLikeACompiler() {
        Problem p = new Problem("southern-front.yaml", 42, 7, "raids[2].threat_type",
                "unknown threat type 'grod'; valid: qassam, rocket-107, grad-122");
        assertThat(p.format()).isEqualTo("southern-front.yaml:42:7: raids[2].threat_type: unknown threat type 'grod';"
                + " valid: qassam, rocket-107, grad-122");
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        assertThat(new Problem("a.yaml", 3, 1, "", "not valid YAML: x").format()).isEqualTo("a.yaml:3:1: not valid YAML: x");
        assertThat(new Problem("a.yaml", 0, 0, null, "no such file").format()).isEqualTo("a.yaml: no such file");
    }

    @Test
    void exceptionMessageHasOneProblemPerLine() {
        ScenarioException e = new ScenarioException(List.of(new Problem("a.yaml", 1, 1, "name", "x"),
                new Problem("a.yaml", 2, 5, "seed", "y")));
        assertThat(e.getMessage()).isEqualTo("a.yaml:1:1: name: x\na.yaml:2:5: seed: y");
        assertThat(e.problems()).hasSize(2);
        assertThatThrownBy(() -> new ScenarioException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
