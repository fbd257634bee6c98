package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Unit limits per target (the in-cycle problem's salvo limit, with uncapped "hold" targets): the
 * exact solver equals enumeration, the heuristics stay feasible and never beat it.
 */
class WtaUnitLimitTest {

    /** The optimum by enumeration of every unit's target, within the limits. */
    static double bruteForce(WtaProblem pr) {
        int n = pr.totalUnits();
        int nT = pr.targets();
        int[] type = new int[n];
        for (int w = 0, u = 0; w < pr.weaponTypes(); w++) {
            for (int k = 0; k < pr.count(w); k++) {
                type[u++] = w;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        int[] target = new int[n];
        long total = (long) Math.pow(nT, n);
        for (long code = 0; code < total; code++) {
            long c = code;
            int[] on = new int[nT];
            boolean ok = true;
            for (int u = 0; u < n; u++) {
                target[u] = (int) (c % nT);
                c /= nT;
                ok &= ++on[target[u]] <= pr.maxUnits(target[u]);
            }
            if (!ok) {
                continue;
            }
            double[] s = pr.values();
            for (int u = 0; u < n; u++) {
                s[target[u]] *= pr.survival(type[u], target[u]);
            }
            double f = 0;
            for (double v : s) {
                f += v;
            }
            best = Math.min(best, f);
        }
        return best;
    }

    /** Threats with limits of 1 or 2, then one uncapped hold target per unit that only its type destroys. */
    static WtaProblem instance(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int nW = 1 + r.nextInt(3);
        int nJ = 1 + r.nextInt(4);
        int[] counts = new int[nW];
        int units = 0;
        for (int w = 0; w < nW; w++) {
            counts[w] = 1 + r.nextInt(2);
            units += counts[w];
        }
        int nT = nJ + units;
        double[] values = new double[nT];
        int[] caps = new int[nT];
        double[][] p = new double[nW][nT];
        for (int j = 0; j < nJ; j++) {
            values[j] = 10 + 90 * r.nextDouble();
            caps[j] = 1 + r.nextInt(2);
            for (int w = 0; w < nW; w++) {
                p[w][j] = r.nextInt(5) == 0 ? 0 : 0.3 + 0.65 * r.nextDouble();
            }
        }
        for (int w = 0, h = nJ; w < nW; w++) {
            double cost = seed % 3 == 0 ? 0 : 40 * r.nextDouble();
            for (int k = 0; k < counts[w]; k++, h++) {
                values[h] = cost;
                caps[h] = Integer.MAX_VALUE;
                p[w][h] = 1;
            }
        }
        return new WtaProblem(values, counts, p, caps);
    }

    @Test
    void theExactSolverEqualsEnumerationWithinTheLimits() {
        int split = 0;
        for (long seed = 1; seed <= 80; seed++) {
            WtaProblem pr = instance(seed);
            if (Math.pow(pr.targets(), pr.totalUnits()) > 3e6) {
                continue;
            }
            double exact = bruteForce(pr);
            WtaSolution b = new BranchAndBoundWtaSolver().solve(pr);
            assertThat(b.provenOptimal()).as("seed %d", seed).isTrue();
            assertThat(b.objective()).as("seed %d %s", seed, pr).isCloseTo(exact,
                    org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, exact)));
            for (WtaSolver h : new WtaSolver[] {new GreedyWtaSolver(), new LocalSearchWtaSolver()}) {
                // feasibility, limits included, is checked by the solution itself
                WtaSolution s = h.solve(pr);
                assertThat(s.objective()).as("seed %d %s", seed, s.solver()).isGreaterThanOrEqualTo(exact - 1e-9);
            }
            split++;
        }
        assertThat(split).isGreaterThan(40);
    }

    @Test
    void limitsMustLeaveRoomForEveryUnitAndAreChecked() {
        assertThatThrownBy(() -> new WtaProblem(new double[] {1, 1}, new int[] {3}, new double[][] {{0.5, 0.5}},
                new int[] {1, 1})).hasMessageContaining("leave room for 2 of the 3 units");
        WtaProblem pr = new WtaProblem(new double[] {1, 1}, new int[] {2}, new double[][] {{0.5, 0.5}},
                new int[] {1, 1});
        assertThatThrownBy(() -> pr.objective(new int[] {2, 0})).hasMessageContaining("at most 1 units");
        assertThat(pr.objective(new int[] {1, 1})).isEqualTo(1.0);
    }
}
