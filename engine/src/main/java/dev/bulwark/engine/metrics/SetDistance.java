package dev.bulwark.engine.metrics;

/**
 * The distance between a set of true positions and a set of estimates under a
 * {@link MultiTargetMetric}, with its decomposition: one result type for every metric.
 *
 * <p>The components add up to the p-th power of the distance:
 * {@code localisation + missed + falseTargets == pow(distance, order)} (to rounding). For GOSPA
 * they are the terms of its definition; for OSPA see {@link Ospa} for how its cardinality term
 * is split. Counts refer to the optimal assignment: {@code pairs} pairs closer than the cut-off,
 * {@code missedCount} = |truth| − pairs, {@code falseCount} = |estimates| − pairs. The
 * root-mean-square error {@code rmse} is taken over the same pairs, so the metrics of one scan
 * agree on which estimate goes with which truth.
 *
 * @param distance      the metric (m, or the unit of the positions)
 * @param order         the order p
 * @param cutoff        the cut-off c (m)
 * @param localisation  contribution of the assigned pairs (m^p)
 * @param missed        contribution of the missed truths (m^p)
 * @param falseTargets  contribution of the false estimates (m^p)
 * @param pairs         truths assigned to an estimate within the cut-off
 * @param missedCount   truths left unassigned
 * @param falseCount    estimates left unassigned
 * @param rmse          root-mean-square Euclidean distance of the assigned pairs, √(Σ d² / pairs)
 *                      (m), whatever the order p; NaN when there are no pairs
 */
public record SetDistance(double distance, double order, double cutoff, double localisation, double missed,
        double falseTargets, int pairs, int missedCount, int falseCount, double rmse) {

    /** Σ d² over the assigned pairs (m²), for pooling the RMSE over several sets: 0 without pairs. */
    public double sumSquaredErrors() {
        return pairs == 0 ? 0 : rmse * rmse * pairs;
    }
}
