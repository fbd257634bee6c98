package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CycleAssignment} against {@link LinearAssignment} (itself checked against enumeration in
 * {@link LocalSearchMovesTest}): square and rectangular problems, ties, barred cells, closed
 * columns, warm labels and candidate lists kept from solve to solve, as the rounds use them.
 */
class CycleAssignmentTest {

    private static int[] randomDistinct(SplittableRandom r, int k, int m) {
        int[] perm = new int[m];
        for (int j = 0; j < m; j++) {
            perm[j] = j;
        }
        for (int j = m - 1; j > 0; j--) {
            int s = r.nextInt(j + 1);
            int t = perm[j];
            perm[j] = perm[s];
            perm[s] = t;
        }
        return java.util.Arrays.copyOf(perm, k);
    }

    private static void assertDistinct(int[] to, int k, int m) {
        boolean[] used = new boolean[m];
        for (int i = 0; i < k; i++) {
            assertThat(to[i]).isBetween(0, m - 1);
            assertThat(used[to[i]]).as("column %d twice", to[i]).isFalse();
            used[to[i]] = true;
        }
    }

    @Test
    void denseProblemsAreSolvedOptimallyFromAnyStart() {
        SplittableRandom r = new SplittableRandom(3);
        CycleAssignment cycles = new CycleAssignment(30, 45, 30);
        LinearAssignment reference = new LinearAssignment(30, 45);
        int improved = 0;
        for (int it = 0; it < 4000; it++) {
            int m = 1 + r.nextInt(45);
            int k = 1 + r.nextInt(Math.min(m, 30));
            if (r.nextBoolean()) {
                k = Math.min(m, 30);
            }
            double[] c = new double[k * m];
            for (int x = 0; x < c.length; x++) {
                int kind = r.nextInt(6);
                // ties (as with units of one type), barred cells, and a wide range of magnitudes
                c[x] = kind == 0 ? -r.nextInt(3) : kind == 1 ? 1e6 : -10 * r.nextDouble() * r.nextDouble();
            }
            int[] own = randomDistinct(r, k, m);
            for (int i = 0; i < k; i++) {
                if (c[i * m + own[i]] >= 1e6) {
                    c[i * m + own[i]] = -1;
                }
            }
            double start = 0;
            for (int i = 0; i < k; i++) {
                start += c[i * m + own[i]];
            }
            int[] to = new int[k];
            double total = cycles.solve(k, m, c, m, own, r.nextInt(6), to, r.nextBoolean());
            double best = reference.solve(k, m, c, m, new int[k]);
            assertThat(total).as("problem %d", it).isCloseTo(best, within(1e-9 * (1 + Math.abs(best))));
            assertDistinct(to, k, m);
            double check = 0;
            for (int i = 0; i < k; i++) {
                check += c[i * m + to[i]];
            }
            assertThat(check).isCloseTo(total, within(1e-9 * (1 + Math.abs(total))));
            assertThat(total).isLessThanOrEqualTo(start + 1e-9 * (1 + Math.abs(start)));
            if (cycles.cancelled() > 0) {
                improved++;
            }
        }
        assertThat(improved).isGreaterThan(1000);
    }

    @Test
    void productCostsWithClosedColumnsAndKeptListsMatchTheDenseSolution() {
        SplittableRandom r = new SplittableRandom(8);
        int m = 40;
        int types = 12;
        int keys = 60;
        CycleAssignment cycles = new CycleAssignment(m, m, keys);
        LinearAssignment reference = new LinearAssignment(m, m);
        double[] g = new double[types * m];
        for (int x = 0; x < g.length; x++) {
            g[x] = r.nextInt(10) == 0 ? 0 : r.nextInt(10) == 0 ? 1 : r.nextDouble();
        }
        double[] a = new double[m];
        boolean[] closed = new boolean[m];
        int[] keyType = new int[keys];
        for (int u = 0; u < keys; u++) {
            keyType[u] = r.nextInt(types);
        }
        for (int it = 0; it < 1500; it++) {
            // successive problems alike: a few column factors change, rows are drawn from the keys
            for (int change = r.nextInt(8); change >= 0; change--) {
                a[r.nextInt(m)] = -100 * r.nextDouble() * r.nextDouble();
            }
            int k = r.nextBoolean() ? m : 1 + r.nextInt(m);
            int[] own = randomDistinct(r, k, m);
            boolean[] isOwn = new boolean[m];
            for (int i = 0; i < k; i++) {
                isOwn[own[i]] = true;
            }
            for (int j = 0; j < m; j++) {
                closed[j] = !isOwn[j] && r.nextInt(5) == 0;
            }
            int[] key = randomDistinct(r, k, keys);
            int[] offset = new int[k];
            double[] dense = new double[k * m];
            for (int i = 0; i < k; i++) {
                offset[i] = keyType[key[i]] * m;
                for (int j = 0; j < m; j++) {
                    dense[i * m + j] = closed[j] ? 1e9 : a[j] * g[offset[i] + j];
                }
            }
            int[] to = new int[k];
            double total = cycles.solve(k, m, a, g, offset, closed, 100, own, 1 + r.nextInt(8), to, true, key);
            double best = reference.solve(k, m, dense, m, new int[k]);
            assertThat(total).as("problem %d", it).isCloseTo(best, within(1e-9 * (1 + Math.abs(best))));
            assertDistinct(to, k, m);
            for (int i = 0; i < k; i++) {
                assertThat(closed[to[i]]).isFalse();
            }
        }
    }
}
