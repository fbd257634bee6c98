package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every solver promises, and the problem's own checks. */
class WtaSolverContractTest {

    private static final List<WtaSolver> SOLVERS = List.of(new GreedyWtaSolver(), new LocalSearchWtaSolver(),
            new BranchAndBoundWtaSolver());

    @Test
    void everySolverReturnsAFeasibleAssignmentWithItsTrueObjectiveAndUsesEveryUsefulUnit() {
        for (long seed = 1; seed <= 20; seed++) {
            WtaProblem pr = WtaInstances.wild(1 + (int) (seed % 4), 1 + (int) (seed % 5), 3, seed);
            double exact = new BranchAndBoundWtaSolver().solve(pr).objective();
            for (WtaSolver solver : SOLVERS) {
                WtaSolution s = solver.solve(pr);
                assertThat(s.objective()).isEqualTo(pr.objective(s.assignment()));
                assertThat(s.objective()).isGreaterThanOrEqualTo(exact - 1e-9 * Math.max(1, exact))
                        .isLessThanOrEqualTo(pr.totalValue());
                assertThat(solver.solve(pr).assignment()).as("deterministic").isEqualTo(s.assignment());
            }
        }
    }

    @Test
    void oneWeaponOneTargetIsSolvedByHand() {
        WtaProblem pr = new WtaProblem(new double[] {10, 40}, new int[] {2}, new double[][] {{0.5, 0.5}});
        // Both units on the 40 target leave 10 + 10; one on each leaves 5 + 20; best: 10 + 10 = 20.
        for (WtaSolver solver : SOLVERS) {
            WtaSolution s = solver.solve(pr);
            assertThat(s.objective()).isCloseTo(20, within(1e-12));
            assertThat(s.units(0, 1)).isEqualTo(2);
        }
    }

    @Test
    void badInputIsRejectedWithTheOffendingEntry() {
        assertThatThrownBy(() -> new WtaProblem(new double[] {1, -2}, new int[] {1}, new double[][] {{0.5, 0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 1 value");
        assertThatThrownBy(() -> new WtaProblem(new double[] {1}, new int[] {-1}, new double[][] {{0.5}}))
                .hasMessageContaining("weapon type 0 count");
        assertThatThrownBy(() -> new WtaProblem(new double[] {1}, new int[] {1}, new double[][] {{1.5}}))
                .hasMessageContaining("weapon type 0 on target 0 must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new WtaProblem(new double[] {1, 2}, new int[] {1}, new double[][] {{0.5}}))
                .hasMessageContaining("row 0 needs one entry per target (2)");
        assertThatThrownBy(() -> new WtaProblem(new double[] {1}, new int[] {1, 1}, new double[][] {{0.5}}))
                .hasMessageContaining("one row per weapon type (2)");
        WtaProblem pr = new WtaProblem(new double[] {1}, new int[] {1}, new double[][] {{0.5}});
        assertThatThrownBy(() -> pr.objective(new int[] {2})).hasMessageContaining("has 1 units, 2 are assigned");
    }
}
