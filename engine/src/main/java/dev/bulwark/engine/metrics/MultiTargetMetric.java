package dev.bulwark.engine.metrics;

/**
 * A distance between a finite set of true positions and a finite set of estimated positions,
 * with its decomposition into localisation, missed and false terms ({@link SetDistance}).
 *
 * <p>Positions are packed in flat arrays, {@code dimension} coordinates each, in any Cartesian
 * frame shared by both sets (m). Implementations keep work arrays between calls: one instance
 * per thread.
 */
public interface MultiTargetMetric {

    /**
     * The distance between two sets.
     *
     * @param truthCount     number of true positions
     * @param truth          true positions, {@code dimension} per element
     * @param estimateCount  number of estimates
     * @param estimates      estimated positions, {@code dimension} per element
     * @param dimension      coordinates per position (≥ 1)
     */
    SetDistance distance(int truthCount, double[] truth, int estimateCount, double[] estimates, int dimension);
}
