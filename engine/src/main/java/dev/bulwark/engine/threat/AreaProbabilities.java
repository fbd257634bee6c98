package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;

/**
 * The probability that a predicted impact (or arrival) point, Gaussian in the scenario's
 * tangent plane, lies inside each defended area: the share of a fixed set of 256 bivariate
 * normal samples (drawn once, from a constant seed, so identical in every run) that fall inside
 * the area once mapped through the predicted mean and the Cholesky factor of its covariance (with
 * a 1 m² floor on the variances, so a point estimate still works). The standard error of such a
 * share is at most 1/(2√256) ≈ 0.03.
 */
final class AreaProbabilities {

    private static final int SAMPLES = 256;
    private static final double[] UNIT_SAMPLES = unitSamples();
    /** The largest |component| of the fixed unit samples. */
    private static final double UNIT_MAX = maxAbs(UNIT_SAMPLES);

    private AreaProbabilities() {
    }

    /**
     * The assessment of a track whose impact point is Gaussian with mean (me, mn) and
     * covariance [[cee, cen], [cen, cnn]] in the plane of {@code areas} (m, m²).
     */
    static Assessment assessment(int trackId, double time, FlightPath path, GeodeticPoint impactPoint,
            double impactTime, double me, double mn, double cee, double cen, double cnn, DefendedAreas areas) {
        int n = areas.size();
        double[] probabilities = new double[n];
        double a11 = Math.sqrt(cee + 1.0);
        double a21 = cen / a11;
        double a22 = Math.sqrt(Math.max(cnn + 1.0 - a21 * a21, 1e-6));
        int[] counts = new int[n];
        int inside = 0;
        // The samples lie within the largest |u|, |v| of the fixed set times the factor's columns:
        // when that box meets no area, every sample is outside and none need be located.
        double reachE = a11 * UNIT_MAX;
        double reachN = (Math.abs(a21) + a22) * UNIT_MAX;
        boolean near = areas.regions().intersectsBox(me - reachE, mn - reachN, me + reachE, mn + reachN);
        // only the areas whose bounding boxes meet that box can hold a sample
        int[] candidates = new int[n];
        int count = near ? areas.candidates(me - reachE, mn - reachN, me + reachE, mn + reachN, candidates) : 0;
        for (int s = 0; count > 0 && s < SAMPLES; s++) {
            double u = UNIT_SAMPLES[2 * s];
            double v = UNIT_SAMPLES[2 * s + 1];
            int k = areas.locate(me + a11 * u, mn + a21 * u + a22 * v, candidates, count);
            if (k >= 0) {
                counts[k]++;
                inside++;
            }
        }
        int likely = -1;
        double valueAtRisk = 0;
        for (int k = 0; k < n; k++) {
            probabilities[k] = counts[k] / (double) SAMPLES;
            valueAtRisk += probabilities[k] * areas.weightedValue(k);
            if (counts[k] > 0 && (likely < 0 || counts[k] > counts[likely])) {
                likely = k;
            }
        }
        return new Assessment(trackId, time, path, impactPoint, impactTime, me, mn, cee, cen, cnn, probabilities,
                inside / (double) SAMPLES, likely, valueAtRisk);
    }

    private static double maxAbs(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double[] unitSamples() {
        RandomStream r = new RandomStream(0x1A2B3C4DL);
        double[] out = new double[2 * SAMPLES];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextGaussian();
        }
        return out;
    }
}
