package dev.bulwark.results;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The mean of a measure over independent replications with its 95% confidence interval:
 * mean ± t(0.975, n − 1) · s / √n, s the sample standard deviation (Student's t interval; e.g.
 * Law, <i>Simulation Modeling and Analysis</i>, 5th ed., 2015, §9.4.1). Replications where the
 * measure is undefined (a ratio with a zero denominator, given as NaN) are left out and not
 * counted. With fewer than two values the interval is undefined (NaN).
 *
 * <p>The interval assumes the replication means are roughly normal, which for counts over
 * hundreds of threats holds well from a few tens of replications (central limit theorem); for
 * rare events (a handful of leaks) it is approximate.
 *
 * @param n                 number of replications with a defined value
 * @param mean              their mean (NaN if none)
 * @param standardDeviation their sample standard deviation (n − 1 in the denominator; NaN below two)
 * @param halfWidth         half-width of the 95% confidence interval of the mean (NaN below two)
 */
public record Estimate(int n, double mean, double standardDeviation, double halfWidth) {

    /** The estimate from one value per replication (NaN for an undefined value). */
    public static Estimate of(double[] values) {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            // Welford's update: stable for large counts and costs
            n++;
            double delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
        }
        if (n == 0) {
            return new Estimate(0, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new Estimate(1, mean, Double.NaN, Double.NaN);
        }
        double sd = Math.sqrt(m2 / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(n, mean, sd, t * sd / Math.sqrt(n));
    }

    /**
     * The estimate of the mean paired difference b − a over replications run on common random
     * numbers (replication i of both on the same seed); a pair with either value undefined is
     * left out.
     */
    public static Estimate ofDifferences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples need the same number of replications");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = b[i] - a[i];
        }
        return of(d);
    }

    /** Lower end of the 95% confidence interval. */
    public double low() {
        return mean - halfWidth;
    }

    /** Upper end of the 95% confidence interval. */
    public double high() {
        return mean + halfWidth;
    }
}
