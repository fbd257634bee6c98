package dev.bulwark.engine.metrics;

import dev.bulwark.engine.track.associate.SparseAssignment;

/**
 * The generalised optimal sub-pattern assignment metric with α = 2 (Rahmathullah,
 * García-Fernández &amp; Svensson, "Generalized optimal sub-pattern assignment metric",
 * FUSION 2017, Proposition 1):
 *
 * <pre>
 *   d(X, Y) = ( min over partial assignments γ of  Σ_{(i,j)∈γ} d(xᵢ, yⱼ)ᵖ + cᵖ/2 (|X| + |Y| − 2|γ|) )^(1/p)
 * </pre>
 *
 * <p>where only pairs with d(xᵢ, yⱼ) &lt; c may be assigned (a pair at c or beyond costs no less
 * than leaving both unassigned). Its three terms are reported as localisation (Σ dᵖ over the
 * pairs), missed (cᵖ/2 per unassigned truth) and false (cᵖ/2 per unassigned estimate). It is a
 * metric for 1 ≤ p &lt; ∞ and, unlike OSPA, is not normalised by the set size: each missed or
 * false target adds a fixed penalty.
 *
 * <p>The minimum is exact: {@link SparseAssignment} on the pairs closer than c (found through a
 * grid of cell size c), minimising Σ dᵖ + cᵖ per unassigned truth, which differs from the
 * expression above by the constant (|Y| − |X|) cᵖ/2. Distances are Euclidean.
 */
public final class Gospa implements MultiTargetMetric {

    private final double c;
    private final double p;
    private final CutoffMatching matching = new CutoffMatching();

    /**
     * @param cutoff c (m), &gt; 0
     * @param order  p, ≥ 1
     */
    public Gospa(double cutoff, double order) {
        CutoffMatching.check("GOSPA", cutoff, order);
        this.c = cutoff;
        this.p = order;
    }

    @Override
    public SetDistance distance(int truthCount, double[] truth, int estimateCount, double[] estimates,
            int dimension) {
        double cp = Math.pow(c, p);
        matching.match(truthCount, truth, estimateCount, estimates, dimension, c, p);
        double localisation = matching.sum;
        int assigned = matching.assigned;
        int missedCount = truthCount - assigned;
        int falseCount = estimateCount - assigned;
        double missed = 0.5 * cp * missedCount;
        double falseTargets = 0.5 * cp * falseCount;
        double d = Math.pow(localisation + missed + falseTargets, 1 / p);
        return new SetDistance(d, p, c, localisation, missed, falseTargets, assigned, missedCount, falseCount,
                matching.rmse());
    }
}
