package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.track.associate.GatedPairs;
import dev.bulwark.engine.track.associate.JpdaAssociator;
import dev.bulwark.engine.track.associate.MahalanobisGate;
import java.util.Random;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo consistency of the JPDA pipeline on one target in clutter: {@link MahalanobisGate},
 * {@link JpdaAssociator} and {@link KalmanFilter#updateProbabilistic} (the PDAF), with the
 * {@link ConstantVelocity} model. The average NEES over independent runs of a consistent filter
 * follows chi-square(6 · runs)/runs (Bar-Shalom, Li &amp; Kirubarajan 2001, §5.4.2).
 *
 * <p>Truth: nearly-constant-velocity motion with the filter's own q = 1 m²/s³, 1 s steps, 40
 * steps. Plots: P_D = 0.9, σ = 25 m per axis; clutter Poisson with λ = 4 × 10⁻⁸ m⁻³ uniform in a
 * 1 km cube around the target (40 false plots per scan, 0.47 in the gate on average). The filter
 * starts from the truth plus a draw from its own initial covariance, so it is consistent from the
 * first step. The PDAF's Gaussian is a moment-matched approximation of a mixture, so its
 * consistency is approximate; the figures are printed.
 *
 * <p>Track loss is counted apart, as usual for PDAF consistency (NEES means nothing once the
 * filter follows clutter): a run is lost when the target's plot falls outside the gate on two
 * scans or more (a kept track has P_G = 0.999 per detection). Measured on this seed: 2 of 100 runs
 * lost (at λ = 10⁻⁷, 2.5 clutter plots per gate, the loss made the mean NEES of all runs climb past
 * 15); over the 98 kept, the average NEES is inside its 95 % interval at all 40 steps (mean 5.84).
 * Asserted: at most 5 runs lost, 90 % of steps inside.
 */
class PdaConsistencyTest {

    static final int RUNS = 100;
    static final int STEPS = 40;
    static final double Q = 1;
    static final double SIGMA = 25;
    static final double PD = 0.9;
    static final double LAMBDA = 4e-8;
    static final double BOX = 1_000;

    @Test
    void averageNeesStaysInsideThe95PercentChiSquareInterval() {
        Random rnd = new Random(2026);
        ConstantVelocity cv = new ConstantVelocity(Q);
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        cv.transition(null, 1.0, f, b, q);
        RealMatrix qChol = new org.hipparchus.linear.CholeskyDecomposition(matrix(q, 6), 1e-12, 0).getL();
        double[] p0 = new double[36];
        for (int i = 0; i < 3; i++) {
            p0[7 * i] = SIGMA * SIGMA;
            p0[7 * (i + 3)] = 20 * 20;
        }
        double[] r = new double[9];
        r[0] = r[4] = r[8] = SIGMA * SIGMA;
        double[] sumNees = new double[STEPS];
        int maxPlots = 2_000;
        double[] z = new double[3 * maxPlots];
        double[] rs = new double[9 * maxPlots];
        for (int k = 0; k < maxPlots; k++) {
            System.arraycopy(r, 0, rs, 9 * k, 9);
        }
        MahalanobisGate gate = new MahalanobisGate(16.27);
        GatedPairs gated = new GatedPairs();
        JpdaAssociator jpda = new JpdaAssociator(PD, LAMBDA, 10_000);
        double[] beta = new double[maxPlots];
        double[] miss = new double[1];
        double[] zHat = new double[3];
        double[] hph = new double[9];
        double[] zg = new double[3 * maxPlots];
        int clutterInGate = 0;
        int targetMissedByGate = 0;
        double[] runNees = new double[STEPS];
        int kept = 0;
        for (int run = 0; run < RUNS; run++) {
            double[] truth = {1e4, 2e4, 5e3, 150, -80, 0};
            double[] x0 = new double[6];
            for (int i = 0; i < 6; i++) {
                x0[i] = truth[i] + Math.sqrt(p0[7 * i]) * rnd.nextGaussian();
            }
            KalmanFilter kf = new KalmanFilter(6, 3);
            kf.initialise(x0, p0);
            int outside = 0;
            for (int step = 0; step < STEPS; step++) {
                // truth
                double[] next = new double[6];
                double[] w = new double[6];
                for (int i = 0; i < 6; i++) {
                    w[i] = rnd.nextGaussian();
                }
                for (int i = 0; i < 6; i++) {
                    double acc = 0;
                    for (int j = 0; j < 6; j++) {
                        acc += f[6 * i + j] * truth[j] + qChol.getEntry(i, j) * w[j];
                    }
                    next[i] = acc;
                }
                truth = next;
                kf.predict(f, b, q);
                // plots: the target's (with P_D), then clutter in a cube around the truth
                int n = 0;
                if (rnd.nextDouble() < PD) {
                    for (int a = 0; a < 3; a++) {
                        z[a] = truth[a] + SIGMA * rnd.nextGaussian();
                    }
                    n++;
                }
                int clutter = poisson(rnd, LAMBDA * BOX * BOX * BOX);
                for (int c = 0; c < clutter; c++, n++) {
                    for (int a = 0; a < 3; a++) {
                        z[3 * n + a] = truth[a] + BOX * (rnd.nextDouble() - 0.5);
                    }
                }
                double[] x = kf.state();
                double[] p = kf.covariance();
                for (int a = 0; a < 3; a++) {
                    zHat[a] = x[a];
                    for (int c = 0; c < 3; c++) {
                        hph[3 * a + c] = p[6 * a + c];
                    }
                }
                gate.gate(1, zHat, hph, n, z, rs, gated);
                jpda.associate(gated, beta, miss);
                int count = gated.size();
                boolean targetGated = false;
                for (int k = 0; k < count; k++) {
                    int j = gated.plot(k);
                    System.arraycopy(z, 3 * j, zg, 3 * k, 3);
                    if (j == 0 && n > clutter) {
                        targetGated = true;
                    } else {
                        clutterInGate++;
                    }
                }
                if (n > clutter && !targetGated) {
                    targetMissedByGate++;
                    outside++;
                }
                kf.updateProbabilistic(zg, beta, count, ConvertedPosition.H, r, 3);
                runNees[step] = nees(kf, truth);
            }
            if (outside >= 2) {
                continue; // lost: the target's plot fell outside the gate twice
            }
            kept++;
            for (int step = 0; step < STEPS; step++) {
                sumNees[step] += runNees[step];
            }
        }
        ChiSquaredDistribution chi = new ChiSquaredDistribution(6 * kept);
        double lo = chi.inverseCumulativeProbability(0.025) / kept;
        double hi = chi.inverseCumulativeProbability(0.975) / kept;
        int inside = 0;
        double mean = 0;
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < STEPS; s++) {
            double m = sumNees[s] / kept;
            mean += m / STEPS;
            line.append(String.format(java.util.Locale.ROOT, " %.2f", m));
            if (m >= lo && m <= hi) {
                inside++;
            }
        }
        System.out.printf(java.util.Locale.ROOT,
                "PDAF NEES per step (95%% interval [%.2f, %.2f]):%s%nmean %.2f, %d of %d steps inside, %.2f clutter"
                        + " plots per gate, target outside its gate %d times, %d of %d runs kept%n",
                lo, hi, line, mean, inside, STEPS, clutterInGate / (double) (RUNS * STEPS), targetMissedByGate, kept,
                RUNS);
        assertThat(kept).as("runs that kept the track").isGreaterThanOrEqualTo(95);
        // the clutter must matter for the test to mean anything
        assertThat(clutterInGate / (double) (RUNS * STEPS)).isGreaterThan(0.3);
        assertThat(inside).as("steps with the average NEES inside [%.2f, %.2f]", lo, hi)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * STEPS));
    }

    static RealMatrix matrix(double[] a, int n) {
        RealMatrix m = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, a[n * i + j]);
            }
        }
        return m;
    }

    static double nees(KalmanFilter kf, double[] truth) {
        RealMatrix p = matrix(kf.covariance(), 6);
        double[] e = new double[6];
        for (int i = 0; i < 6; i++) {
            e[i] = kf.state()[i] - truth[i];
        }
        double[] y = new LUDecomposition(p).getSolver().solve(MatrixUtils.createRealVector(e)).toArray();
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += e[i] * y[i];
        }
        return sum;
    }

    // Knuth's product-of-uniforms Poisson draw (mean up to a few hundred)
    static int poisson(Random rnd, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double prod = rnd.nextDouble();
        while (prod > limit) {
            k++;
            prod *= rnd.nextDouble();
        }
        return k;
    }
}
