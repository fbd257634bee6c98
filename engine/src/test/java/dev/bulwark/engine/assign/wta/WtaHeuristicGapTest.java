package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The heuristics against the exact optimum; the gaps are printed. The issue asks for 20 x 20
 * instances, but the branch and bound cannot prove optimality there in test time (its root bound
 * is 5 to 15 % below the optimum); these are the largest sizes it proves in about a second:
 * 12 weapon types x 12 targets, and 8 weapon types of 2 units x 20 targets.
 */
class WtaHeuristicGapTest {

    @Test
    void largeNeighbourhoodSearchStaysWithinTwoPercentOfTheOptimum() {
        double worstGreedy = 0;
        double worstLns = 0;
        for (long seed = 1; seed <= 10; seed++) {
            WtaProblem pr = seed <= 5 ? WtaInstances.ahuja(12, 12, 1, seed) : WtaInstances.ahuja(8, 20, 2, seed);
            WtaSolution exact = new BranchAndBoundWtaSolver().solve(pr);
            assertThat(exact.provenOptimal()).as("seed %d solved to optimality (%d nodes)", seed, exact.nodes())
                    .isTrue();
            double greedy = new GreedyWtaSolver().solve(pr).objective() / exact.objective() - 1;
            double lns = new LocalSearchWtaSolver().solve(pr).objective() / exact.objective() - 1;
            System.out.printf(Locale.ROOT, "WTA %s seed %d: optimum %.4f (%d nodes), gap greedy %.3f%%, lns %.3f%%%n",
                    pr, seed, exact.objective(), exact.nodes(), 100 * greedy, 100 * lns);
            assertThat(greedy).isGreaterThanOrEqualTo(-1e-9);
            assertThat(lns).isGreaterThanOrEqualTo(-1e-9);
            worstGreedy = Math.max(worstGreedy, greedy);
            worstLns = Math.max(worstLns, lns);
        }
        System.out.printf(Locale.ROOT, "WTA worst gap: greedy %.3f%% (not asserted), lns %.3f%%%n", 100 * worstGreedy,
                100 * worstLns);
        assertThat(worstLns).isLessThan(0.02);
    }
}
