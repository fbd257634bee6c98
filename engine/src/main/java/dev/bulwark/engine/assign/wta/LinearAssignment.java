package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * Minimum-cost assignment of n rows to distinct columns of an n-by-m cost matrix, n at most m:
 * the Hungarian method in its shortest-augmenting-path form with row and column potentials,
 * O(n^2 m) operations. Sources: H. W. Kuhn, "The Hungarian method for the assignment problem",
 * Naval Research Logistics Quarterly 2, 1955; R. Jonker, A. Volgenant, Computing 38, 1987
 * (augmenting paths found by a Dijkstra-like scan on reduced costs); R. Burkard, M. Dell'Amico,
 * S. Martello, "Assignment Problems", SIAM 2009, chapter 4.
 *
 * <p>Written here rather than taken from a library because the solvers call it thousands of
 * times per second on small matrices and need it to allocate nothing per call; Hipparchus, the
 * project's maths library, has no assignment solver. Working arrays are sized once for the
 * largest problem; one owner.
 */
final class LinearAssignment {

    private final double[] rowPot;
    private final double[] colPot;
    private final double[] minSlack;
    private final int[] colRow;
    private final int[] via;
    private final boolean[] done;
    private final int[] pending;
    /** Size of the previous solve if it was square, else -1. */
    private int lastSquare = -1;

    /**
     * @param maxRows    largest n
     * @param maxColumns largest m
     */
    LinearAssignment(int maxRows, int maxColumns) {
        rowPot = new double[maxRows + 1];
        colPot = new double[maxColumns + 1];
        minSlack = new double[maxColumns + 1];
        colRow = new int[maxColumns + 1];
        via = new int[maxColumns + 1];
        done = new boolean[maxColumns + 1];
        pending = new int[maxRows + 1];
    }

    /**
     * Solves one problem.
     *
     * @param n        rows, at most m
     * @param m        columns
     * @param cost     row-major cost {@code cost[i * stride + j]}, finite
     * @param stride   row length of {@code cost}, at least m
     * @param rowToCol output: the column of each row
     * @return the total cost of the assignment
     */
    double solve(int n, int m, double[] cost, int stride, int[] rowToCol) {
        return solve(n, m, cost, stride, rowToCol, false);
    }

    /**
     * {@link #solve(int, int, double[], int, int[])}, for a square problem ({@code n == m})
     * optionally started from the column potentials left by this object's previous solve, if that
     * was square of the same size. With every column assigned, any column potentials are a valid
     * start (each row's potential is then its smallest reduced cost); when successive matrices are
     * alike, more rows find their cheapest column free and fewer need an augmenting path. The
     * result is an optimal assignment either way, ties possibly broken differently.
     *
     * @param warm start from the previous column potentials when allowed (see above)
     */
    double solve(int n, int m, double[] cost, int stride, int[] rowToCol, boolean warm) {
        // Index 0 of the column arrays is a virtual column holding the row being inserted;
        // rows and columns are 1-based inside the loop.
        if (!(warm && n == m && lastSquare == m)) {
            Arrays.fill(colPot, 0, m + 1, 0.0);
        }
        lastSquare = n == m ? m : -1;
        colPot[0] = 0;
        Arrays.fill(colRow, 0, m + 1, 0);
        // Row reduction: each row's potential is its smallest reduced cost (its smallest cost when
        // the column potentials are 0), so every reduced cost is >= 0; a row whose cheapest column
        // is still free takes it (a tight pair). Only the rows left over need an augmenting path.
        int left = 0;
        for (int i = 1; i <= n; i++) {
            int rowBase = (i - 1) * stride - 1;
            double min = Double.POSITIVE_INFINITY;
            int arg = 1;
            for (int j = 1; j <= m; j++) {
                double h = cost[rowBase + j] - colPot[j];
                if (h < min) {
                    min = h;
                    arg = j;
                }
            }
            rowPot[i] = min;
            if (colRow[arg] == 0) {
                colRow[arg] = i;
            } else {
                pending[left++] = i;
            }
        }
        for (int r = 0; r < left; r++) {
            int i = pending[r];
            colRow[0] = i;
            int col = 0;
            Arrays.fill(minSlack, 0, m + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(done, 0, m + 1, false);
            do {
                done[col] = true;
                int row = colRow[col];
                int rowBase = (row - 1) * stride - 1;
                double rp = rowPot[row];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= m; j++) {
                    if (!done[j]) {
                        double slack = cost[rowBase + j] - rp - colPot[j];
                        if (slack < minSlack[j]) {
                            minSlack[j] = slack;
                            via[j] = col;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (done[j]) {
                        rowPot[colRow[j]] += delta;
                        colPot[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                col = next;
            } while (colRow[col] != 0);
            // Flip the augmenting path back to the virtual column.
            do {
                int prev = via[col];
                colRow[col] = colRow[prev];
                col = prev;
            } while (col != 0);
        }
        double total = 0;
        for (int j = 1; j <= m; j++) {
            if (colRow[j] != 0) {
                int i = colRow[j] - 1;
                rowToCol[i] = j - 1;
                total += cost[i * stride + j - 1];
            }
        }
        return total;
    }

    /**
     * Dual value of row {@code i} (0-based) after the last {@link #solve}: with the column duals,
     * {@code rowDual(i) + columnDual(j) <= cost[i][j]} for every pair (up to rounding), with
     * equality on the assigned pairs, and the sum of all of them is the total cost.
     */
    double rowDual(int i) {
        return rowPot[i + 1];
    }

    /**
     * Dual value of column {@code j} (0-based) after the last {@link #solve}: at most 0, and 0 if
     * unassigned (after a warm-started square solve, of either sign).
     */
    double columnDual(int j) {
        return colPot[j + 1];
    }
}
