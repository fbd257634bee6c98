package dev.bulwark.engine.track.associate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SparseAssignment} against exhaustive search, with negative costs and varied unassigned costs. */
class SparseAssignmentTest {

    @Test
    void dense3x3ByHand() {
        // Cost matrix (rows × columns) [[4, 1, 3], [2, 0, 5], [3, 2, 2]], never unassigned (cost 100).
        // The 6 permutations cost: (0,1,2) 4+0+2 = 6, (0,2,1) 4+5+2 = 11, (1,0,2) 1+2+2 = 5,
        // (1,2,0) 1+5+3 = 9, (2,0,1) 3+2+2 = 7, (2,1,0) 3+0+3 = 6: the optimum is 5, rows to 1, 0, 2.
        int[] start = {0, 3, 6, 9};
        int[] col = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        double[] cost = {4, 1, 3, 2, 0, 5, 3, 2, 2};
        SparseAssignment a = new SparseAssignment();
        assertThat(a.solve(3, 3, start, col, cost, new double[] {100, 100, 100})).isEqualTo(5.0);
        assertThat(new int[] {a.columnOf(0), a.columnOf(1), a.columnOf(2)}).containsExactly(1, 0, 2);
    }

    @Test
    void equalsExhaustiveSearchWithNegativeCostsAndMoreRowsThanColumns() {
        Random rnd = new Random(5);
        SparseAssignment a = new SparseAssignment();
        for (int trial = 0; trial < 2_000; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            int[] start = new int[rows + 1];
            int[] col = new int[rows * cols];
            double[] cost = new double[rows * cols];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (rnd.nextDouble() < 0.6) {
                        col[n] = j;
                        cost[n] = rnd.nextGaussian() * 10;
                        n++;
                    }
                }
                start[i + 1] = n;
            }
            double[] un = new double[rows];
            for (int i = 0; i < rows; i++) {
                un[i] = rnd.nextGaussian() * 10;
            }
            double got = a.solve(rows, cols, start, col, cost, un);
            double want = brute(0, rows, start, col, cost, un, new boolean[cols]);
            assertThat(got).as("trial %d", trial).isCloseTo(want, within(1e-9));
            // and the reported assignment realises that cost
            double check = 0;
            boolean[] used = new boolean[cols];
            for (int i = 0; i < rows; i++) {
                int c = a.columnOf(i);
                if (c < 0) {
                    check += un[i];
                } else {
                    assertThat(used[c]).isFalse();
                    used[c] = true;
                    double pc = Double.NaN;
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        if (col[k] == c) {
                            pc = cost[k];
                        }
                    }
                    check += pc;
                }
            }
            assertThat(check).isCloseTo(want, within(1e-9));
        }
    }

    private static double brute(int i, int rows, int[] start, int[] col, double[] cost, double[] un, boolean[] used) {
        if (i == rows) {
            return 0;
        }
        double best = un[i] + brute(i + 1, rows, start, col, cost, un, used);
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (!used[col[k]]) {
                used[col[k]] = true;
                best = Math.min(best, cost[k] + brute(i + 1, rows, start, col, cost, un, used));
                used[col[k]] = false;
            }
        }
        return best;
    }
}
