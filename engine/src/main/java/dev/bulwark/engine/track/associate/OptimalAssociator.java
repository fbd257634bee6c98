package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * Global nearest neighbour association by the exact 2-D assignment: among all ways to give each
 * track at most one gated plot and each plot at most one track, the one that minimises
 * Σ d² over the associated pairs + γ × (number of tracks left without a plot), with d² the
 * squared Mahalanobis distance and γ the gate ({@link GatedPairs#gate()}).
 *
 * <p>Charging the gate for a track without a plot is the classical non-assignment cost of GNN
 * (Blackman &amp; Popoli, <i>Design and Analysis of Modern Tracking Systems</i>, 1999, §6.5):
 * a gated pair never costs more than leaving its track empty, so the solution takes as many
 * good pairs as it can and, among those, the closest overall. Simplified: the cost is d² alone,
 * without the log-determinant of the innovation covariance or the detection and clutter
 * densities of the full likelihood ratio, as in the greedy association it replaces.
 *
 * <p>The scan is split into {@link Clusters}: a track alone in its cluster takes its nearest
 * plot directly; every larger cluster is solved exactly by {@link SparseAssignment}
 * (shortest augmenting paths, Jonker &amp; Volgenant 1987; Crouse 2016), whose searches stay
 * inside the cluster. Ties are broken deterministically by plot index.
 */
public final class OptimalAssociator implements Associator {

    private final Clusters clusters = new Clusters();
    private final SparseAssignment solver = new SparseAssignment();
    private double[] missCost = new double[0];

    @Override
    public void associate(GatedPairs gated, int[] trackToPlot) {
        int nt = gated.tracks();
        int[] start = gated.rowStarts();
        int[] plot = gated.plotArray();
        double[] d2 = gated.distance2Array();
        clusters.compute(gated);
        boolean prepared = false;
        for (int c = 0; c < clusters.count(); c++) {
            if (clusters.trackCount(c) == 1) {
                int t = clusters.track(c, 0);
                int best = -1;
                double bestD2 = Double.POSITIVE_INFINITY;
                for (int k = start[t]; k < start[t + 1]; k++) {
                    if (d2[k] < bestD2 || (d2[k] == bestD2 && plot[k] < best)) {
                        bestD2 = d2[k];
                        best = plot[k];
                    }
                }
                trackToPlot[t] = bestD2 <= gated.gate() ? best : -1;
                continue;
            }
            if (!prepared) {
                if (missCost.length < nt) {
                    missCost = new double[Math.max(nt, 2 * missCost.length)];
                }
                Arrays.fill(missCost, 0, nt, gated.gate());
                solver.prepare(nt, gated.plots(), start, plot, d2, missCost);
                prepared = true;
            }
            for (int k = 0; k < clusters.trackCount(c); k++) {
                solver.assignRow(clusters.track(c, k));
            }
            for (int k = 0; k < clusters.trackCount(c); k++) {
                int t = clusters.track(c, k);
                trackToPlot[t] = solver.columnOf(t);
            }
        }
    }
}
