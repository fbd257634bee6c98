package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * Greedy nearest neighbour association: every gated pair, sorted by squared Mahalanobis
 * distance (then track, then plot), taken in that order whenever neither its track nor its
 * plot is used yet.
 *
 * <p>The usual cheap approximation of global nearest neighbour: the two agree unless gates
 * overlap, where greedy can take a close pair that forces two poor ones (or a miss) elsewhere.
 * Kept as the first tracker's association and as a baseline for {@link OptimalAssociator}.
 * Cost O(n log n) in the number of gated pairs n (a merge sort of pair indices, no object per pair).
 */
public final class GreedyAssociator implements Associator {

    private int[] order = new int[0];
    private int[] tmp = new int[0];
    private int[] pairTrack = new int[0];
    private boolean[] plotUsed = new boolean[0];

    @Override
    public void associate(GatedPairs gated, int[] trackToPlot) {
        int nt = gated.tracks();
        int np = gated.plots();
        int n = gated.size();
        if (order.length < n) {
            int cap = Math.max(n, 2 * order.length);
            order = new int[cap];
            tmp = new int[cap];
            pairTrack = new int[cap];
        }
        if (plotUsed.length < np) {
            plotUsed = new boolean[Math.max(np, 2 * plotUsed.length)];
        }
        for (int t = 0; t < nt; t++) {
            for (int k = gated.start(t); k < gated.start(t + 1); k++) {
                pairTrack[k] = t;
            }
        }
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        mergeSort(gated, 0, n);
        Arrays.fill(trackToPlot, 0, nt, -1);
        Arrays.fill(plotUsed, 0, np, false);
        for (int r = 0; r < n; r++) {
            int k = order[r];
            int t = pairTrack[k];
            int p = gated.plot(k);
            if (trackToPlot[t] == -1 && !plotUsed[p]) {
                trackToPlot[t] = p;
                plotUsed[p] = true;
            }
        }
    }

    private void mergeSort(GatedPairs g, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(g, lo, mid);
        mergeSort(g, mid, hi);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            tmp[o++] = less(g, order[j], order[i]) ? order[j++] : order[i++];
        }
        while (i < mid) {
            tmp[o++] = order[i++];
        }
        while (j < hi) {
            tmp[o++] = order[j++];
        }
        System.arraycopy(tmp, lo, order, lo, hi - lo);
    }

    private boolean less(GatedPairs g, int x, int y) {
        int c = Double.compare(g.distance2(x), g.distance2(y));
        if (c != 0) {
            return c < 0;
        }
        if (pairTrack[x] != pairTrack[y]) {
            return pairTrack[x] < pairTrack[y];
        }
        return g.plot(x) < g.plot(y);
    }
}
