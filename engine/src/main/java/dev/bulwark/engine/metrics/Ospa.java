package dev.bulwark.engine.metrics;

import dev.bulwark.engine.track.associate.SparseAssignment;

/**
 * The optimal sub-pattern assignment metric (Schuhmacher, Vo &amp; Vo, "A consistent metric for
 * performance evaluation of multi-object filters", IEEE TSP 56(8), 2008, eq. (3)): for
 * |X| = m ≤ n = |Y| (otherwise swap the sets),
 *
 * <pre>
 *   d(X, Y) = ( (1/n) ( min over injections π of Σᵢ min(c, d(xᵢ, y_π(i)))ᵖ + cᵖ (n − m) ) )^(1/p)
 * </pre>
 *
 * <p>with d = 0 when both sets are empty and d = c when only one is. It is bounded by c and
 * normalised by the larger set, so one missed target among a thousand barely shows (which
 * GOSPA corrects).
 *
 * <p>Decomposition reported in {@link SetDistance} (a convention of this class; the paper
 * splits only into localisation and cardinality): localisation = (1/n) Σ dᵖ over the pairs
 * closer than c; the cᵖ (n − m)/n cardinality term goes to missed if the truth set is the
 * larger and to false otherwise; the pairs of the smaller set cut off at c count cᵖ/n each,
 * split half to missed and half to false. Exact minimum by {@link SparseAssignment}.
 */
public final class Ospa implements MultiTargetMetric {

    private final double c;
    private final double p;
    private final CutoffMatching matching = new CutoffMatching();

    /**
     * @param cutoff c (m), &gt; 0
     * @param order  p, ≥ 1
     */
    public Ospa(double cutoff, double order) {
        CutoffMatching.check("OSPA", cutoff, order);
        this.c = cutoff;
        this.p = order;
    }

    @Override
    public SetDistance distance(int truthCount, double[] truth, int estimateCount, double[] estimates,
            int dimension) {
        double cp = Math.pow(c, p);
        if (truthCount == 0 && estimateCount == 0) {
            return new SetDistance(0, p, c, 0, 0, 0, 0, 0, 0, Double.NaN);
        }
        if (truthCount == 0 || estimateCount == 0) {
            return new SetDistance(c, p, c, 0, truthCount > 0 ? cp : 0, estimateCount > 0 ? cp : 0, 0, truthCount,
                    estimateCount, Double.NaN);
        }
        boolean truthSmaller = truthCount <= estimateCount;
        int m = truthSmaller ? truthCount : estimateCount;
        int n = truthSmaller ? estimateCount : truthCount;
        // a row of the smaller set left unmatched is paired with a leftover element at the cut-off
        if (truthSmaller) {
            matching.match(truthCount, truth, estimateCount, estimates, dimension, c, p);
        } else {
            matching.match(estimateCount, estimates, truthCount, truth, dimension, c, p);
        }
        double sum = matching.sum;
        int assigned = matching.assigned;
        double localisation = sum / n;
        double cutPairs = cp * (m - assigned) / n;
        double cardinality = cp * (n - m) / n;
        double missed = 0.5 * cutPairs + (truthSmaller ? 0 : cardinality);
        double falseTargets = 0.5 * cutPairs + (truthSmaller ? cardinality : 0);
        double d = Math.pow(localisation + missed + falseTargets, 1 / p);
        return new SetDistance(d, p, c, localisation, missed, falseTargets, assigned, truthCount - assigned,
                estimateCount - assigned, matching.rmse());
    }
}
