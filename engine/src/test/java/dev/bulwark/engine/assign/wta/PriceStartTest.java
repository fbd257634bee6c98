package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PriceStart}: its assignment is feasible (every unit of every type placed, no target above
 * its limit) on random instances with probabilities of exactly 0 and 1 and with unit limits, and
 * it depends only on the problem; the local search that starts from it (problems of at least
 * {@link LocalSearchWtaSolver#PRICE_MIN_UNITS} units, more units than targets) is deterministic for
 * a seed and a round limit and places every unit.
 */
class PriceStartTest {

    /** Random instance: values 0 to 100, probabilities 0 to 1 (some exactly 0 or 1), counts 0 to 4, maybe unit limits. */
    private static WtaProblem random(SplittableRandom r, boolean limits) {
        return RandomProblems.random(r, 8, 1, 10, 4, 0, limits);
    }

    @Test
    void theAssignmentIsFeasibleAndPlacesEveryUnit() {
        SplittableRandom r = new SplittableRandom(11);
        for (int it = 0; it < 600; it++) {
            WtaProblem pr = random(r, it % 2 == 1);
            int nT = pr.targets();
            int[] greedy = GreedyWtaSolver.assign(pr);
            int steps = 1 + r.nextInt(60);
            int candidates = 1 + r.nextInt(10);
            int[] x = new PriceStart(pr, candidates).run(greedy, pr.objective(greedy), steps);
            int[] again = new PriceStart(pr, candidates).run(greedy, pr.objective(greedy), steps);
            assertThat(again).as("instance %d", it).isEqualTo(x);
            for (int w = 0; w < pr.weaponTypes(); w++) {
                int used = 0;
                for (int t = 0; t < nT; t++) {
                    assertThat(x[w * nT + t]).isGreaterThanOrEqualTo(0);
                    used += x[w * nT + t];
                }
                assertThat(used).as("instance %d, type %d", it, w).isEqualTo(pr.count(w));
            }
            for (int t = 0; t < nT; t++) {
                int on = 0;
                for (int w = 0; w < pr.weaponTypes(); w++) {
                    on += x[w * nT + t];
                }
                assertThat(on).as("instance %d, target %d", it, t).isLessThanOrEqualTo(pr.maxUnits(t));
            }
            assertThat(pr.objective(x)).isFinite();
        }
    }

    @Test
    void theSearchFromItIsDeterministicAndFeasible() {
        for (long seed = 1; seed <= 3; seed++) {
            // 60 types of 3 units (or 0 to 6) on 40 targets: above the threshold, more units than targets
            WtaProblem pr = seed == 2 ? WtaInstances.wild(60, 40, 6, seed) : WtaInstances.ahuja(60, 40, 3, seed);
            assertThat(pr.totalUnits()).isGreaterThanOrEqualTo(LocalSearchWtaSolver.PRICE_MIN_UNITS);
            assertThat(pr.totalUnits()).isGreaterThan(pr.targets());
            WtaSolution a = new LocalSearchWtaSolver(seed, 30, 600).solve(pr);
            WtaSolution b = new LocalSearchWtaSolver(seed, 30, 600).solve(pr);
            assertThat(b.assignment()).isEqualTo(a.assignment());
            assertThat(a.objective()).isEqualTo(pr.objective(a.assignment()));
            for (int w = 0; w < pr.weaponTypes(); w++) {
                int used = 0;
                for (int t = 0; t < pr.targets(); t++) {
                    used += a.units(w, t);
                }
                assertThat(used).isEqualTo(pr.count(w));
            }
        }
    }
}
