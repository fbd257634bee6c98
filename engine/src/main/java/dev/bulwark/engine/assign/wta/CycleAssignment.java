package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * Minimum-cost assignment of k rows to distinct columns (k at most m), improved from a given
 * complete assignment by cancelling negative cycles: made for the re-placement rounds of
 * {@link LocalSearchWtaSolver}, in which the old places are usually optimal or nearly so.
 *
 * <p>Costs are products {@code c(i, j) = a_j g[o_i + j]} (a column factor times an entry of a row
 * of a shared matrix: in a round, {@code -V_t S_t} times the kill probability of the unit's type),
 * so no k x m matrix is built; a dense matrix is the case {@code a = 1}. Closed columns (targets with
 * no room) are entered by no row.
 *
 * <p>The nodes are the columns and a hub. From the column {@code j} that row {@code i} holds there is
 * an arc to every other open column {@code j'}, of weight {@code c(i, j') - c(i, j)}: row {@code i}
 * moves to {@code j'} and the row there, if any, moves on along the next arc. A free column has an
 * arc of weight 0 to the hub, and the hub one of weight 0 to every open column: a cycle through the
 * hub is a path of moves that ends in a free column and frees the column where it starts. Every
 * reassignment is a set of such cycles, changing the total cost by their weights, so an assignment
 * is optimal exactly when no cycle is negative (the residual graph of the assignment problem).
 *
 * <p>Arcs are kept only to a few candidate columns per row. A label-correcting search (Bellman–Ford
 * with a queue, from the labels left by the previous solve: any labels are a valid start) either
 * ends with labels {@code d} such that {@code d(j') <= d(j) + w(j, j')} on every candidate arc, or
 * finds a negative cycle, detected as a cycle of the predecessor graph (looked for after every
 * m + 1 scans), which is applied. When the candidates admit no negative cycle, every other pair is
 * priced: an arc that violates the labels joins the candidates and the search resumes. At the end
 * the labels certify on the whole problem that no negative cycle is left, so the assignment is
 * optimal, up to the tolerance on each label update (1e-12 of the given cost scale). The labels are
 * the column duals of the assignment problem.
 *
 * <p>Candidate lists: each row's {@code perRow} columns of least {@code c(i, j) - d(j)}; optionally
 * kept from solve to solve under a key per row (the unit a row stands for), renewed once pricing has
 * grown one past four times {@code perRow}. Which candidates are used changes the work, not the result.
 *
 * <p>Sources: M. Klein, "A primal method for minimal cost flows", Management Science 14, 1967 (cycle
 * cancelling); B. V. Cherkassky, A. V. Goldberg, "Negative-cycle detection algorithms", Mathematical
 * Programming 85, 1999 (cycles of the predecessor graph); R. K. Ahuja, T. L. Magnanti, J. B. Orlin,
 * "Network Flows", 1993, chapters 5 and 9. Written here; allocation-free per call once sized; one owner.
 */
final class CycleAssignment {

    private final int maxRows;
    private final int maxCols;
    private final int maxKeys;
    /** Labels of the columns and, at index m, of the hub. */
    private final double[] d;
    private final int[] pred;
    /** Row holding each column, -1 when free. */
    private final int[] rowAt;
    private final int[] colOf;
    private final int[] queue;
    private final boolean[] inQueue;
    private final int[] stamp;
    private final int[] cand;
    private final int[] candCount;
    private final boolean[] listed;
    private final int[] listOf;
    private final double[] topCost;
    private final int[] topIndex;
    private final int[] cycle;
    private final double[] ones;
    private final int[] denseOffset;
    private int cycleLength;
    private int lastColumns = -1;
    private int keyColumns = -1;
    private int cancelled;

    /**
     * @param maxRows most rows
     * @param maxCols most columns
     * @param maxKeys keys of the lists kept from solve to solve are below this (at least maxRows)
     */
    CycleAssignment(int maxRows, int maxCols, int maxKeys) {
        if (maxKeys < maxRows) {
            throw new IllegalArgumentException("need at least as many keys as rows");
        }
        this.maxRows = maxRows;
        this.maxCols = maxCols;
        this.maxKeys = maxKeys;
        d = new double[maxCols + 1];
        pred = new int[maxCols + 1];
        rowAt = new int[maxCols];
        colOf = new int[maxRows];
        queue = new int[maxCols + 1];
        inQueue = new boolean[maxCols + 1];
        stamp = new int[maxCols + 1];
        cand = new int[maxKeys * maxCols];
        candCount = new int[maxKeys];
        listed = new boolean[maxKeys * maxCols];
        listOf = new int[maxRows];
        topCost = new double[maxCols + 1];
        topIndex = new int[maxCols + 1];
        cycle = new int[maxCols + 2];
        ones = new double[maxCols];
        Arrays.fill(ones, 1.0);
        denseOffset = new int[maxRows];
    }

    /**
     * Dense costs {@code cost[i * stride + j]}, no closed column, fresh candidate lists.
     *
     * @return the total cost
     */
    double solve(int k, int m, double[] cost, int stride, int[] own, int perRow, int[] rowToCol, boolean warm) {
        double scale = 0;
        for (int i = 0; i < k; i++) {
            denseOffset[i] = i * stride;
            for (int j = 0; j < m; j++) {
                scale = Math.max(scale, Math.abs(cost[i * stride + j]));
            }
        }
        return solve(k, m, ones, cost, denseOffset, null, scale, own, perRow, rowToCol, warm, null);
    }

    /**
     * @param k         rows, at most m
     * @param m         columns
     * @param a         column factors, finite
     * @param g         shared matrix; row i's costs are {@code a[j] * g[offset[i] + j]}, finite
     * @param offset    start of each row's entries in {@code g}
     * @param closed    columns no row may enter (a row's own column excepted: it must not be closed);
     *                  null: none
     * @param scale     an upper bound of the costs' magnitude, for the tolerance
     * @param own       the starting column of each row, distinct
     * @param perRow    candidate columns of a new list
     * @param rowToCol  output: the column of each row
     * @param warm      start from the labels of the previous solve if it had as many columns
     * @param key       the key of each row's list kept from solve to solve, distinct within a solve and
     *                  below maxKeys; null: a fresh list for every row
     * @return the total cost
     */
    double solve(int k, int m, double[] a, double[] g, int[] offset, boolean[] closed, double scale, int[] own,
            int perRow, int[] rowToCol, boolean warm, int[] key) {
        if (k > maxRows || m > maxCols || k > m) {
            throw new IllegalArgumentException("problem " + k + " x " + m + " does not fit " + maxRows + " x "
                    + maxCols);
        }
        int hub = m;
        int nodes = m + 1;
        if (!(warm && lastColumns == m)) {
            Arrays.fill(d, 0, nodes, 0.0);
        }
        lastColumns = m;
        cancelled = 0;
        double tol = 1e-12 * Math.max(scale, 1e-300);
        Arrays.fill(rowAt, 0, m, -1);
        for (int i = 0; i < k; i++) {
            rowAt[own[i]] = i;
            colOf[i] = own[i];
        }
        if (key == null || keyColumns != m) {
            Arrays.fill(candCount, 0, maxKeys, 0);
            keyColumns = key == null ? -1 : m;
        }
        int len = Math.min(perRow, m);
        for (int i = 0; i < k; i++) {
            int list = key == null ? i : key[i];
            listOf[i] = list;
            if (candCount[list] > 0 && candCount[list] <= 4 * len) {
                continue;
            }
            int off = list * m;
            int row = offset[i];
            Arrays.fill(listed, off, off + m, false);
            int n = 0;
            for (int j = 0; j < m; j++) {
                if (closed == null || !closed[j]) {
                    n = Smallest.offer(topCost, topIndex, n, len, a[j] * g[row + j] - d[j], j);
                }
            }
            for (int x = 0; x < n; x++) {
                cand[off + x] = topIndex[x];
                listed[off + topIndex[x]] = true;
            }
            candCount[list] = n;
        }
        Arrays.fill(inQueue, 0, nodes, false);
        Arrays.fill(pred, 0, nodes, -1);
        Arrays.fill(stamp, 0, nodes, 0);
        int head = 0;
        int size = 0;
        for (int j = 0; j < nodes; j++) {
            queue[size++] = j;
            inQueue[j] = true;
        }
        int stampNow = 0;
        while (true) {
            int sinceCheck = 0;
            while (size > 0) {
                int j = queue[head];
                head = head + 1 == nodes ? 0 : head + 1;
                size--;
                inQueue[j] = false;
                if (j == hub) {
                    double dh = d[hub];
                    for (int t = 0; t < m; t++) {
                        if (dh < d[t] - tol && (closed == null || !closed[t])) {
                            d[t] = dh;
                            pred[t] = hub;
                            if (!inQueue[t]) {
                                inQueue[t] = true;
                                int at = head + size;
                                queue[at >= nodes ? at - nodes : at] = t;
                                size++;
                            }
                        }
                    }
                } else if (rowAt[j] < 0) {
                    if (d[j] < d[hub] - tol && (closed == null || !closed[j])) {
                        d[hub] = d[j];
                        pred[hub] = j;
                        if (!inQueue[hub]) {
                            inQueue[hub] = true;
                            int at = head + size;
                            queue[at >= nodes ? at - nodes : at] = hub;
                            size++;
                        }
                    }
                } else {
                    int i = rowAt[j];
                    int row = offset[i];
                    double base = d[j] - a[j] * g[row + j];
                    int list = listOf[i];
                    int off = list * m;
                    for (int x = 0, e = candCount[list]; x < e; x++) {
                        int t = cand[off + x];
                        double nd = base + a[t] * g[row + t];
                        if (nd < d[t] - tol) {
                            d[t] = nd;
                            pred[t] = j;
                            if (!inQueue[t]) {
                                inQueue[t] = true;
                                int at = head + size;
                                queue[at >= nodes ? at - nodes : at] = t;
                                size++;
                            }
                        }
                    }
                }
                if (++sinceCheck >= nodes) {
                    sinceCheck = 0;
                    stampNow = findAndCancel(nodes, m, a, g, offset, stampNow, tol);
                    if (stampNow < 0) {
                        stampNow = -stampNow;
                        // the rows on the cycle changed column, so their arcs are new
                        for (int x = 0; x < cycleLength; x++) {
                            int t = cycle[x];
                            if (!inQueue[t]) {
                                inQueue[t] = true;
                                int at = head + size;
                                queue[at >= nodes ? at - nodes : at] = t;
                                size++;
                            }
                        }
                    }
                }
            }
            // a cycle may have formed since the last look
            stampNow = findAndCancel(nodes, m, a, g, offset, stampNow, tol);
            if (stampNow < 0) {
                stampNow = -stampNow;
                for (int x = 0; x < cycleLength; x++) {
                    int t = cycle[x];
                    inQueue[t] = true;
                    queue[(head + size) % nodes] = t;
                    size++;
                }
                continue;
            }
            // pricing: every pair left out that violates the labels joins the candidates
            boolean added = false;
            for (int j = 0; j < m; j++) {
                int i = rowAt[j];
                if (i < 0) {
                    continue;
                }
                int row = offset[i];
                double base = d[j] - a[j] * g[row + j];
                int list = listOf[i];
                int off = list * m;
                for (int t = 0; t < m; t++) {
                    if (base + a[t] * g[row + t] < d[t] - tol && !listed[off + t] && (closed == null || !closed[t])) {
                        listed[off + t] = true;
                        cand[off + candCount[list]++] = t;
                        added = true;
                        if (!inQueue[j]) {
                            inQueue[j] = true;
                            queue[(head + size) % nodes] = j;
                            size++;
                        }
                    }
                }
            }
            if (!added) {
                break;
            }
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            int j = colOf[i];
            rowToCol[i] = j;
            total += a[j] * g[offset[i] + j];
        }
        return total;
    }

    /**
     * Looks for a cycle in the predecessor graph (each node has at most one predecessor, so one
     * stamped walk per node finds every cycle). If one is found and is negative, applies it and
     * returns the new stamp negated, the cycle's nodes in {@link #cycle}; else returns the stamp
     * reached. The predecessors are cleared whenever a cycle is found.
     */
    private int findAndCancel(int nodes, int m, double[] a, double[] g, int[] offset, int stampNow, double tol) {
        int base = stampNow;
        for (int start = 0; start < nodes; start++) {
            if (stamp[start] > base) {
                continue;
            }
            int s = ++stampNow;
            int j = start;
            while (j >= 0 && stamp[j] <= base) {
                stamp[j] = s;
                j = pred[j];
            }
            if (j < 0 || stamp[j] != s) {
                continue;
            }
            // j is on a cycle; cycle[x + 1] = pred[cycle[x]], so the arcs run cycle[x + 1] -> cycle[x]
            int len = 0;
            int x = j;
            do {
                cycle[len++] = x;
                x = pred[x];
            } while (x != j);
            double w = 0;
            for (int y = 0; y < len; y++) {
                int to = cycle[y];
                int from = cycle[y + 1 == len ? 0 : y + 1];
                if (from < m && to < m) {
                    int row = offset[rowAt[from]];
                    w += a[to] * g[row + to] - a[from] * g[row + from];
                }
            }
            Arrays.fill(pred, 0, nodes, -1);
            if (w < -tol) {
                // every row on the cycle moves one arc on, at once; a column entered from the hub is freed
                for (int y = 0; y < len; y++) {
                    int to = cycle[y];
                    int from = cycle[y + 1 == len ? 0 : y + 1];
                    topIndex[y] = to == m ? -2 : from == m ? -1 : rowAt[from];
                }
                for (int y = 0; y < len; y++) {
                    int r = topIndex[y];
                    if (r != -2) {
                        rowAt[cycle[y]] = r;
                        if (r >= 0) {
                            colOf[r] = cycle[y];
                        }
                    }
                }
                cancelled++;
                cycleLength = len;
                return -stampNow;
            }
            return stampNow;
        }
        return stampNow;
    }

    /** Negative cycles cancelled by the last solve (0: the starting assignment was optimal). */
    int cancelled() {
        return cancelled;
    }

    /** Column dual of the last solve: {@code c(i, j) - d(j)} is least, over the open columns, at row i's column. */
    double label(int j) {
        return d[j];
    }
}
