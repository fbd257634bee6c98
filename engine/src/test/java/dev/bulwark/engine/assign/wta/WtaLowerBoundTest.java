package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch and bound's root bounds against enumeration: the Lagrangian bound must never exceed
 * the optimum, and must be at least the rank-slot bound it replaced (before that is raised to 0),
 * both at the rank-slot duals (one evaluation, no ascent) and after the ascent.
 */
class WtaLowerBoundTest {

    @Test
    void theLagrangianRootBoundLiesBetweenTheRankSlotBoundAndTheOptimum() {
        int strictlyBetter = 0;
        int checked = 0;
        double worstOld = 0;
        double worstNew = 0;
        for (long seed = 1; seed <= 80; seed++) {
            int nW = 1 + (int) (seed % 5);
            int nT = 1 + (int) ((seed * 3) % 6);
            WtaProblem pr = seed % 2 == 0 ? WtaInstances.wild(nW, nT, 3, seed)
                    : WtaInstances.ahuja(nW, nT, 1 + (int) (seed % 3), seed);
            double optimum = BranchAndBoundWtaSolverTest.bruteForce(pr);
            double tolerance = 1e-12 * Math.max(1, pr.totalValue());
            double old = BranchAndBoundWtaSolver.rankSlotRootBound(pr);
            // Polyak's target: a heuristic's value, as in the solver (never the optimum itself).
            double target = new GreedyWtaSolver().solve(pr).objective() * 1.01 + 1e-9;
            double atDuals = BranchAndBoundWtaSolver.lagrangianRootBound(pr, target, 1);
            double ascended = BranchAndBoundWtaSolver.lagrangianRootBound(pr, target,
                    BranchAndBoundWtaSolver.ROOT_ITERATIONS);
            assertThat(atDuals).as("seed %d %s: bound at the rank-slot duals", seed, pr)
                    .isLessThanOrEqualTo(optimum + tolerance).isGreaterThanOrEqualTo(old - tolerance);
            assertThat(ascended).as("seed %d %s: bound after the ascent", seed, pr)
                    .isLessThanOrEqualTo(optimum + tolerance).isGreaterThanOrEqualTo(atDuals - tolerance);
            // The solver used max(0, rank-slot): count only real progress over that.
            if (ascended > Math.max(0, old) + 1e-6 * Math.max(1, optimum)) {
                strictlyBetter++;
            }
            if (optimum > 0) {
                worstOld = Math.max(worstOld, 1 - Math.max(0, old) / optimum);
                worstNew = Math.max(worstNew, 1 - ascended / optimum);
            }
            checked++;
        }
        System.out.printf(Locale.ROOT, "WTA root bound, worst gap below the optimum over %d instances: rank-slot %.2f%%, "
                + "Lagrangian %.2f%% (strictly better on %d)%n", checked, 100 * worstOld, 100 * worstNew, strictlyBetter);
        assertThat(checked).isEqualTo(80);
        // The new bound must actually be stronger on a good share of them, or this test checks nothing.
        assertThat(strictlyBetter).isGreaterThan(20);
    }

    @Test
    void theAssignmentDualsAreFeasibleAndAddUpToTheCost() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(6);
            int m = n + rnd.nextInt(6);
            double[] cost = new double[n * m];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = -100 * rnd.nextDouble();
            }
            LinearAssignment a = new LinearAssignment(n, m);
            int[] rowTo = new int[n];
            double total = a.solve(n, m, cost, m, rowTo);
            double dual = 0;
            for (int i = 0; i < n; i++) {
                dual += a.rowDual(i);
                for (int j = 0; j < m; j++) {
                    assertThat(a.rowDual(i) + a.columnDual(j)).isLessThanOrEqualTo(cost[i * m + j] + 1e-9);
                }
            }
            for (int j = 0; j < m; j++) {
                assertThat(a.columnDual(j)).isLessThanOrEqualTo(1e-12);
                dual += a.columnDual(j);
            }
            assertThat(dual).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
