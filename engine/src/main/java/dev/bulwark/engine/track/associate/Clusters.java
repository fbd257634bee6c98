package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * The independent sub-problems of one scan's association: the connected components of the
 * gating graph (tracks and plots as nodes, gated pairs as edges). No association decision in
 * one cluster can change the best decision in another, so each is solved alone; with targets
 * well apart almost every cluster is one track and its own plot.
 *
 * <p>Only clusters holding at least one track are listed (a plot outside every gate belongs to
 * none). Union–find with path halving and union by size (Tarjan 1975). Reusable, not thread-safe.
 */
public final class Clusters {

    private int[] parent = new int[0];
    private int[] rank = new int[0];
    private int[] label = new int[0];
    private int[] trackCluster = new int[0];
    private int[] plotCluster = new int[0];
    private int[] trackOffset = new int[1];
    private int[] plotOffset = new int[1];
    private int[] trackList = new int[0];
    private int[] plotList = new int[0];
    private int count;

    /** Finds the clusters of a scan. */
    public void compute(GatedPairs gated) {
        int nt = gated.tracks();
        int np = gated.plots();
        int n = nt + np;
        if (parent.length < n) {
            int cap = Math.max(n, 2 * parent.length);
            parent = new int[cap];
            rank = new int[cap];
            label = new int[cap];
        }
        if (trackCluster.length < nt) {
            int cap = Math.max(nt, 2 * trackCluster.length);
            trackCluster = new int[cap];
            trackList = new int[cap];
            trackOffset = new int[cap + 1];
            plotOffset = new int[cap + 1]; // one offset per cluster, and there are at most nt clusters
        }
        if (plotCluster.length < np) {
            int cap = Math.max(np, 2 * plotCluster.length);
            plotCluster = new int[cap];
            plotList = new int[cap];
        }
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            rank[i] = 1;
        }
        for (int t = 0; t < nt; t++) {
            for (int k = gated.start(t); k < gated.start(t + 1); k++) {
                union(t, nt + gated.plot(k));
            }
        }
        // clusters numbered in order of their first track
        Arrays.fill(label, 0, n, -1);
        count = 0;
        for (int t = 0; t < nt; t++) {
            int root = find(t);
            if (label[root] < 0) {
                label[root] = count++;
            }
            trackCluster[t] = label[root];
        }
        for (int p = 0; p < np; p++) {
            plotCluster[p] = label[find(nt + p)];
        }
        bucket(trackCluster, nt, trackOffset, trackList);
        bucket(plotCluster, np, plotOffset, plotList);
    }

    // counting sort of members by cluster (members with cluster -1 left out)
    private void bucket(int[] clusterOf, int members, int[] offset, int[] list) {
        Arrays.fill(offset, 0, count + 1, 0);
        for (int m = 0; m < members; m++) {
            if (clusterOf[m] >= 0) {
                offset[clusterOf[m] + 1]++;
            }
        }
        for (int c = 0; c < count; c++) {
            offset[c + 1] += offset[c];
        }
        // fill, using label[] as the running cursor of each cluster
        for (int c = 0; c < count; c++) {
            label[c] = offset[c];
        }
        for (int m = 0; m < members; m++) {
            int c = clusterOf[m];
            if (c >= 0) {
                list[label[c]++] = m;
            }
        }
    }

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (rank[ra] < rank[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        rank[ra] += rank[rb];
    }

    /** Number of clusters (each with at least one track). */
    public int count() {
        return count;
    }

    /** Number of tracks in cluster c. */
    public int trackCount(int c) {
        return trackOffset[c + 1] - trackOffset[c];
    }

    /** The k-th track of cluster c (in increasing track order). */
    public int track(int c, int k) {
        return trackList[trackOffset[c] + k];
    }

    /** Number of plots in cluster c. */
    public int plotCount(int c) {
        return plotOffset[c + 1] - plotOffset[c];
    }

    /** The k-th plot of cluster c (in increasing plot order). */
    public int plot(int c, int k) {
        return plotList[plotOffset[c] + k];
    }

    /** The cluster of a track. */
    public int clusterOfTrack(int track) {
        return trackCluster[track];
    }

    /** The cluster of a plot, or -1 if no track gates it. */
    public int clusterOfPlot(int plot) {
        return plotCluster[plot];
    }
}
