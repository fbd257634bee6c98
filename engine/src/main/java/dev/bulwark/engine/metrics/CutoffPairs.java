package dev.bulwark.engine.metrics;

import java.util.Arrays;

/**
 * The pairs (truth, estimate) closer than a cut-off c, with cost dᵖ, as compressed sparse rows
 * for {@link dev.bulwark.engine.track.associate.SparseAssignment}. Found through a uniform grid
 * hash of cell size c on the first three coordinates, so the work grows with the pairs found,
 * not with |truth| × |estimates|. Package use only; reusable, not thread-safe.
 */
final class CutoffPairs {

    int[] start = new int[1];
    int[] column = new int[16];
    double[] cost = new double[16];
    double[] distance = new double[16];
    int size;
    private int[] head = new int[0];
    private int[] next = new int[0];
    private long[] cell = new long[0];

    /** Fills the pairs of rows (set a) and columns (set b) with Euclidean distance below c. */
    void find(int na, double[] a, int nb, double[] b, int dim, double c, double p) {
        if (start.length < na + 1) {
            start = new int[Math.max(na + 1, 2 * start.length)];
        }
        size = 0;
        start[0] = 0;
        if (nb == 0) {
            Arrays.fill(start, 0, na + 1, 0);
            return;
        }
        int tableSize = Integer.highestOneBit(Math.max(4, 2 * nb - 1)) << 1;
        if (head.length < tableSize) {
            head = new int[tableSize];
        }
        if (next.length < nb) {
            int cap = Math.max(nb, 2 * next.length);
            next = new int[cap];
            cell = new long[3 * cap];
        }
        int mask = tableSize - 1;
        Arrays.fill(head, 0, tableSize, -1);
        int gd = Math.min(dim, 3);
        double inv = 1 / c;
        for (int j = nb - 1; j >= 0; j--) {
            long h = 0;
            for (int k = 0; k < 3; k++) {
                long ck = k < gd ? (long) Math.floor(b[dim * j + k] * inv) : 0;
                cell[3 * j + k] = ck;
                h = h * 0x9E3779B97F4A7C15L + ck;
            }
            int bucket = (int) (h ^ (h >>> 32)) & mask;
            next[j] = head[bucket];
            head[bucket] = j;
        }
        long[] lo = new long[3];
        for (int i = 0; i < na; i++) {
            for (int k = 0; k < 3; k++) {
                lo[k] = k < gd ? (long) Math.floor(a[dim * i + k] * inv) - 1 : 0;
            }
            int span1 = gd > 1 ? 3 : 1;
            int span2 = gd > 2 ? 3 : 1;
            for (int d0 = 0; d0 < 3; d0++) {
                for (int d1 = 0; d1 < span1; d1++) {
                    for (int d2 = 0; d2 < span2; d2++) {
                        long c0 = lo[0] + d0;
                        long c1 = lo[1] + d1;
                        long c2 = lo[2] + d2;
                        long h = ((c0 * 0x9E3779B97F4A7C15L) + c1) * 0x9E3779B97F4A7C15L + c2;
                        for (int j = head[(int) (h ^ (h >>> 32)) & mask]; j >= 0; j = next[j]) {
                            if (cell[3 * j] != c0 || cell[3 * j + 1] != c1 || cell[3 * j + 2] != c2) {
                                continue;
                            }
                            double s = 0;
                            for (int k = 0; k < dim; k++) {
                                double dk = a[dim * i + k] - b[dim * j + k];
                                s += dk * dk;
                            }
                            double d = Math.sqrt(s);
                            if (d < c) {
                                add(j, d, p);
                            }
                        }
                    }
                }
            }
            start[i + 1] = size;
        }
    }

    private void add(int j, double d, double p) {
        if (size == column.length) {
            column = Arrays.copyOf(column, 2 * size);
            cost = Arrays.copyOf(cost, 2 * size);
            distance = Arrays.copyOf(distance, 2 * size);
        }
        column[size] = j;
        distance[size] = d;
        cost[size] = p == 1 ? d : p == 2 ? d * d : Math.pow(d, p);
        size++;
    }
}
