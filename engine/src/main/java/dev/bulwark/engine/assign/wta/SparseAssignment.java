package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * Minimum-cost assignment of every row to a distinct column when each row may use only a listed
 * few columns: successive shortest augmenting paths (Dijkstra with a binary heap on reduced costs,
 * row and column potentials), the sparse form of the Hungarian method. Sources: R. Jonker,
 * A. Volgenant, Computing 38, 1987; R. Burkard, M. Dell'Amico, S. Martello, "Assignment
 * Problems", SIAM 2009, sections 4.4 and 4.9 (sparse problems).
 *
 * <p>A row-complete assignment must exist among the listed pairs (the caller lists, for every row,
 * a column of its own that no other row lists first: the current assignment). Working arrays are
 * sized once; allocates nothing per call; one owner.
 */
final class SparseAssignment {

    private final double[] rowPot;
    private final double[] colPot;
    private final double[] dist;
    private final int[] colRow;
    private final int[] rowCol;
    private final int[] via;
    private final int[] stamp;
    private final int[] settled;
    private final int[] touched;
    private final int[] heapCol;
    private final double[] heapKey;
    private int heapSize;
    private int epoch;

    /**
     * @param maxRows    largest number of rows
     * @param maxColumns largest number of columns
     * @param maxEdges   largest number of listed pairs
     */
    SparseAssignment(int maxRows, int maxColumns, int maxEdges) {
        rowPot = new double[maxRows];
        colPot = new double[maxColumns];
        dist = new double[maxColumns];
        colRow = new int[maxColumns];
        rowCol = new int[maxRows];
        via = new int[maxColumns];
        stamp = new int[maxColumns];
        settled = new int[maxColumns];
        touched = new int[maxColumns];
        heapCol = new int[maxEdges + maxRows];
        heapKey = new double[maxEdges + maxRows];
    }

    /**
     * Solves one problem: row {@code i} may take the columns {@code col[first[i]] .. col[first[i+1]-1]}
     * at the costs {@code cost[...]} at the same positions.
     *
     * @param n        rows
     * @param m        columns
     * @param first    start of each row's list, {@code n + 1} entries
     * @param col      listed columns, 0-based, less than m
     * @param cost     their costs, finite
     * @param rowToCol output: the column of each row
     * @return the total cost, or NaN when some row cannot be assigned
     */
    double solve(int n, int m, int[] first, int[] col, double[] cost, int[] rowToCol) {
        Arrays.fill(colPot, 0, m, 0.0);
        Arrays.fill(colRow, 0, m, -1);
        Arrays.fill(rowCol, 0, n, -1);
        for (int i = 0; i < n; i++) {
            // Row reduction: the potential is the row's cheapest cost; take that column if free.
            double min = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int e = first[i]; e < first[i + 1]; e++) {
                if (cost[e] < min) {
                    min = cost[e];
                    arg = col[e];
                }
            }
            if (arg < 0) {
                return Double.NaN;
            }
            rowPot[i] = min;
            if (colRow[arg] < 0) {
                colRow[arg] = i;
                rowCol[i] = arg;
            }
        }
        for (int r = 0; r < n; r++) {
            if (rowCol[r] < 0 && !augment(r, first, col, cost)) {
                return Double.NaN;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            rowToCol[i] = rowCol[i];
            for (int e = first[i]; e < first[i + 1]; e++) {
                if (col[e] == rowCol[i]) {
                    total += cost[e];
                    break;
                }
            }
        }
        return total;
    }

    /** One Dijkstra from the free row {@code r} to the nearest free column, then the flip. */
    private boolean augment(int r, int[] first, int[] col, double[] cost) {
        epoch++;
        heapSize = 0;
        int nTouched = 0;
        int row = r;
        double dRow = 0;
        int sink = -1;
        double dSink = 0;
        while (true) {
            // relax the edges of row (distance dRow)
            double up = rowPot[row];
            for (int e = first[row]; e < first[row + 1]; e++) {
                int j = col[e];
                if (stamp[j] == epoch && settled[j] == epoch) {
                    continue;
                }
                double d = dRow + cost[e] - up - colPot[j];
                if (stamp[j] != epoch) {
                    stamp[j] = epoch;
                    settled[j] = 0;
                    touched[nTouched++] = j;
                    dist[j] = d;
                    via[j] = row;
                    push(j, d);
                } else if (d < dist[j]) {
                    dist[j] = d;
                    via[j] = row;
                    push(j, d);
                }
            }
            int j;
            double dj;
            while (true) {
                if (heapSize == 0) {
                    return false;
                }
                dj = heapKey[0];
                j = pop();
                if (settled[j] != epoch && dj == dist[j]) {
                    break;
                }
            }
            settled[j] = epoch;
            if (colRow[j] < 0) {
                sink = j;
                dSink = dj;
                break;
            }
            row = colRow[j];
            dRow = dj;
        }
        // Potentials: columns settled before the sink and their rows move by (dSink - dist).
        for (int t = 0; t < nTouched; t++) {
            int j = touched[t];
            if (settled[j] == epoch && j != sink) {
                double shift = dSink - dist[j];
                colPot[j] -= shift;
                rowPot[colRow[j]] += shift;
            }
        }
        rowPot[r] += dSink;
        // Flip the path back to r.
        int j = sink;
        while (true) {
            int i = via[j];
            int prev = rowCol[i];
            colRow[j] = i;
            rowCol[i] = j;
            if (i == r) {
                break;
            }
            j = prev;
        }
        return true;
    }

    private void push(int j, double key) {
        int k = heapSize++;
        while (k > 0) {
            int parent = (k - 1) >> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[k] = heapKey[parent];
            heapCol[k] = heapCol[parent];
            k = parent;
        }
        heapKey[k] = key;
        heapCol[k] = j;
    }

    private int pop() {
        int top = heapCol[0];
        int last = --heapSize;
        if (last > 0) {
            double key = heapKey[last];
            int c = heapCol[last];
            int k = 0;
            while (true) {
                int child = 2 * k + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && heapKey[child + 1] < heapKey[child]) {
                    child++;
                }
                if (heapKey[child] >= key) {
                    break;
                }
                heapKey[k] = heapKey[child];
                heapCol[k] = heapCol[child];
                k = child;
            }
            heapKey[k] = key;
            heapCol[k] = c;
        }
        return top;
    }
}
