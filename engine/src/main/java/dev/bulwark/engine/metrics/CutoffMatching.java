package dev.bulwark.engine.metrics;

import dev.bulwark.engine.track.associate.SparseAssignment;
import java.util.Arrays;

/**
 * The optimal matching shared by {@link Gospa} and {@link Ospa}: rows (one set) matched to
 * columns (the other), a pair closer than the cut-off c costing dᵖ and a row left unmatched
 * cᵖ, solved exactly by {@link SparseAssignment} on the pairs {@link CutoffPairs} finds. Keeps its
 * work arrays between calls; not thread-safe.
 */
final class CutoffMatching {

    private final CutoffPairs pairs = new CutoffPairs();
    private final SparseAssignment solver = new SparseAssignment();
    private double[] unassigned = new double[0];
    /** Σ dᵖ over the matched pairs of the last {@link #match}. */
    double sum;
    /** Matched pairs of the last {@link #match}. */
    int assigned;
    /** Σ d² (Euclidean, whatever p) over the matched pairs of the last {@link #match}. */
    double sumSquares;

    /** Checks a metric's parameters: c &gt; 0 and 1 ≤ p &lt; ∞. */
    static void check(String metric, double cutoff, double order) {
        if (!(cutoff > 0) || !(order >= 1) || Double.isInfinite(order)) {
            throw new IllegalArgumentException(metric + " needs c > 0 and 1 <= p < infinity, got c = " + cutoff
                    + ", p = " + order);
        }
    }

    /** Matches {@code rows} points to {@code columns} points (flat, {@code dimension} coordinates each). */
    void match(int rows, double[] rowPoints, int columns, double[] columnPoints, int dimension, double c, double p) {
        pairs.find(rows, rowPoints, columns, columnPoints, dimension, c, p);
        if (unassigned.length < rows) {
            unassigned = new double[Math.max(rows, 2 * unassigned.length)];
        }
        Arrays.fill(unassigned, 0, rows, Math.pow(c, p));
        solver.prepare(rows, columns, pairs.start, pairs.column, pairs.cost, unassigned);
        for (int i = 0; i < rows; i++) {
            solver.assignRow(i);
        }
        sum = 0;
        sumSquares = 0;
        assigned = 0;
        for (int i = 0; i < rows; i++) {
            int j = solver.columnOf(i);
            if (j >= 0) {
                for (int k = pairs.start[i]; k < pairs.start[i + 1]; k++) {
                    if (pairs.column[k] == j) {
                        sum += pairs.cost[k];
                        sumSquares += pairs.distance[k] * pairs.distance[k];
                        break;
                    }
                }
                assigned++;
            }
        }
    }

    /** √(Σ d² / pairs) over the matched pairs of the last {@link #match}; NaN without pairs. */
    double rmse() {
        return assigned == 0 ? Double.NaN : Math.sqrt(sumSquares / assigned);
    }
}
