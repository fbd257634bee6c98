package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * Exact minimum-cost 2-D assignment on a sparse cost matrix in which each row may also stay
 * unassigned at a cost of its own: minimises Σ over assigned rows c(i, col(i)) + Σ over
 * unassigned rows u(i), each column used at most once, only the listed (row, column) pairs
 * allowed.
 *
 * <p>Method: the shortest augmenting path algorithm of Jonker &amp; Volgenant (Computing 38,
 * 1987, 325–340) in the sparse form described by Crouse (IEEE TAES 52(4), 2016, 1679–1696,
 * §III): rows are added one at a time; for each, Dijkstra's algorithm on reduced costs
 * c(i, j) − u(i) − v(j) ≥ 0 finds the cheapest alternating path to a free column, the column
 * duals are moved so that reduced costs stay non-negative and are zero on assigned pairs, and
 * the path is flipped. "Unassigned" is a private dummy column per row with cost u(i), so a free
 * column is always reachable. The duals certify optimality (complementary slackness), whatever
 * the order in which rows are added. The column-reduction and augmenting-row-reduction
 * initialisations of LAPJV are left out: the problems here are sparse and mostly tiny.
 *
 * <p>A search never leaves the connected component of the row it starts from, so its cost
 * grows with the size of that component (the cluster of tracks and plots that share gates),
 * not with the whole problem. The dense alternative would cost O(n³) on the whole scan.
 *
 * <p>Reusable, not thread-safe; work arrays grow to the largest problem and are then reused.
 */
public final class SparseAssignment {

    private int rows;
    private int cols;
    private int[] start;
    private int[] col;
    private double[] cost;
    private double[] unassigned;

    // columns 0..cols-1 are real, cols + i is the dummy column of row i
    private double[] v = new double[0];
    private int[] colRow = new int[0];
    private int[] rowCol = new int[0];
    private double[] rowCost = new double[0];
    private double[] dist = new double[0];
    private int[] pred = new int[0];
    private double[] predCost = new double[0];
    private boolean[] done = new boolean[0];
    private int[] touched = new int[16];
    private int touchedCount;
    // binary min-heap of (key, column), lazy deletion
    private double[] heapKey = new double[16];
    private int[] heapCol = new int[16];
    private int heapSize;

    /**
     * Sets a problem and clears the assignment. The arrays are read, not copied: keep them
     * unchanged until the last {@link #assignRow}. Row i's allowed columns are
     * {@code column[k]}, {@code k} in {@code [rowStart[i], rowStart[i + 1])}, with cost {@code rowCosts[k]}.
     *
     * @param rowCount       number of rows
     * @param columnCount    number of real columns
     * @param rowStart       row offsets (length ≥ rowCount + 1)
     * @param column         column of each pair
     * @param pairCost       cost of each pair (finite)
     * @param unassignedCost cost of leaving each row unassigned (finite)
     */
    public void prepare(int rowCount, int columnCount, int[] rowStart, int[] column, double[] pairCost,
            double[] unassignedCost) {
        rows = rowCount;
        cols = columnCount;
        start = rowStart;
        col = column;
        cost = pairCost;
        unassigned = unassignedCost;
        int n = columnCount + rowCount;
        if (v.length < n) {
            int cap = Math.max(n, 2 * v.length);
            v = new double[cap];
            colRow = new int[cap];
            dist = new double[cap];
            pred = new int[cap];
            predCost = new double[cap];
            done = new boolean[cap];
        }
        if (rowCol.length < rowCount) {
            int cap = Math.max(rowCount, 2 * rowCol.length);
            rowCol = new int[cap];
            rowCost = new double[cap];
        }
        Arrays.fill(v, 0, n, 0.0);
        Arrays.fill(colRow, 0, n, -1);
        Arrays.fill(dist, 0, n, Double.POSITIVE_INFINITY);
        Arrays.fill(done, 0, n, false);
        Arrays.fill(rowCol, 0, rowCount, -1);
    }

    /** Solves the whole problem: {@link #prepare} then {@link #assignRow} for every row; returns the optimal cost. */
    public double solve(int rowCount, int columnCount, int[] rowStart, int[] column, double[] pairCost,
            double[] unassignedCost) {
        prepare(rowCount, columnCount, rowStart, column, pairCost, unassignedCost);
        for (int i = 0; i < rowCount; i++) {
            assignRow(i);
        }
        return totalCost();
    }

    /**
     * Adds a row to the assignment by one shortest augmenting path; rows already added may
     * change column, the assignment of the added rows staying optimal. Each row once.
     */
    public void assignRow(int s) {
        if (rowCol[s] != -1) {
            throw new IllegalStateException("row " + s + " already assigned");
        }
        touchedCount = 0;
        heapSize = 0;
        // from the free row s; distances carry a common offset (u(s) is unknown), which Dijkstra tolerates
        for (int k = start[s]; k < start[s + 1]; k++) {
            relax(col[k], cost[k] - v[col[k]], s, cost[k]);
        }
        int dummy = cols + s;
        relax(dummy, unassigned[s] - v[dummy], s, unassigned[s]);
        int sink = -1;
        int scannedEnd;
        double delta;
        while (true) {
            int j = pop();
            if (done[j]) {
                continue;
            }
            done[j] = true;
            if (colRow[j] == -1) {
                sink = j;
                delta = dist[j];
                break;
            }
            int i = colRow[j];
            double dj = dist[j];
            double ui = rowCost[i] - v[rowCol[i]];
            for (int k = start[i]; k < start[i + 1]; k++) {
                int c = col[k];
                if (!done[c]) {
                    relax(c, dj + cost[k] - ui - v[c], i, cost[k]);
                }
            }
            int d = cols + i;
            if (!done[d]) {
                relax(d, dj + unassigned[i] - ui - v[d], i, unassigned[i]);
            }
        }
        scannedEnd = touchedCount;
        // dual update on the columns whose distance is final (done): v(j) += d(j) − δ ≤ 0
        for (int t = 0; t < scannedEnd; t++) {
            int j = touched[t];
            if (done[j]) {
                v[j] += dist[j] - delta;
            }
        }
        // flip the path
        int j = sink;
        while (true) {
            int i = pred[j];
            int previous = rowCol[i];
            rowCol[i] = j;
            rowCost[i] = predCost[j];
            colRow[j] = i;
            if (i == s) {
                break;
            }
            j = previous;
        }
        for (int t = 0; t < touchedCount; t++) {
            int c = touched[t];
            dist[c] = Double.POSITIVE_INFINITY;
            done[c] = false;
        }
    }

    /** The real column assigned to a row, or -1 if the row is unassigned (or not yet added). */
    public int columnOf(int row) {
        int c = rowCol[row];
        return c >= 0 && c < cols ? c : -1;
    }

    /** Total cost of the rows added so far. */
    public double totalCost() {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            if (rowCol[i] >= 0) {
                sum += rowCost[i];
            }
        }
        return sum;
    }

    private void relax(int c, double d, int fromRow, double edgeCost) {
        if (d < dist[c]) {
            if (dist[c] == Double.POSITIVE_INFINITY) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, 2 * touchedCount);
                }
                touched[touchedCount++] = c;
            }
            dist[c] = d;
            pred[c] = fromRow;
            predCost[c] = edgeCost;
            push(d, c);
        }
    }

    private void push(double key, int c) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, 2 * heapSize);
            heapCol = Arrays.copyOf(heapCol, 2 * heapSize);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] < key || (heapKey[parent] == key && heapCol[parent] <= c)) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapCol[i] = heapCol[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapCol[i] = c;
    }

    // the dummy column of the start row is always in the heap, so the heap empties only after a sink is found
    private int pop() {
        int top = heapCol[0];
        double key = heapKey[--heapSize];
        int c = heapCol[heapSize];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= heapSize) {
                break;
            }
            int r = l + 1;
            int m = r < heapSize && (heapKey[r] < heapKey[l] || (heapKey[r] == heapKey[l] && heapCol[r] < heapCol[l]))
                    ? r : l;
            if (key < heapKey[m] || (key == heapKey[m] && c <= heapCol[m])) {
                break;
            }
            heapKey[i] = heapKey[m];
            heapCol[i] = heapCol[m];
            i = m;
        }
        heapKey[i] = key;
        heapCol[i] = c;
        return top;
    }
}
