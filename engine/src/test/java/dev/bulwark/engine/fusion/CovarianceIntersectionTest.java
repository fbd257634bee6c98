package dev.bulwark.engine.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Covariance intersection is consistent whatever the cross-correlation of its inputs, never
 * worse than the better input on its criterion, and finds the optimal ω.
 */
class CovarianceIntersectionTest {

    private static final int N = 6;

    /** A random SPD matrix with eigenvalues spread over three decades (condition up to 10³). */
    static RealMatrix randomSpd(Random rnd, int n, double scale) {
        RealMatrix q = randomOrthogonal(rnd, n);
        RealMatrix d = MatrixUtils.createRealDiagonalMatrix(new double[n]);
        for (int i = 0; i < n; i++) {
            d.setEntry(i, i, scale * Math.pow(10, 3 * rnd.nextDouble()));
        }
        RealMatrix m = q.multiply(d).multiplyTransposed(q);
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    static RealMatrix randomOrthogonal(Random rnd, int n) {
        RealMatrix g = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setEntry(i, j, rnd.nextGaussian());
            }
        }
        return new org.hipparchus.linear.QRDecomposition(g).getQ();
    }

    static double[] flat(RealMatrix m) {
        int n = m.getRowDimension();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = m.getEntry(i, j);
            }
        }
        return a;
    }

    static RealMatrix matrix(int n, double[] a) {
        RealMatrix m = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, a[i * n + j]);
            }
        }
        return m;
    }

    static RealMatrix lower(RealMatrix spd) {
        double[] l = new double[N * N];
        assertThat(Dense.cholesky(N, flat(spd), l)).isTrue();
        return matrix(N, l);
    }

    /**
     * For random A, B and cross-covariances X = L_A K L_Bᵀ with K = ρ Q (Q orthogonal,
     * |ρ| ≤ 1: every admissible correlation structure up to full correlation), the actual error
     * covariance of the fused estimate, Kₐ A Kₐᵀ + Kₐ X K_bᵀ + K_b Xᵀ Kₐᵀ + K_b B K_bᵀ with
     * Kₐ = ω C A⁻¹ and K_b = (1 − ω) C B⁻¹, never exceeds C: C − P_true ⪰ 0.
     */
    @ParameterizedTest
    @EnumSource(CovarianceIntersection.Criterion.class)
    void theFusedCovarianceBoundsTheTrueErrorForAnyCrossCorrelation(CovarianceIntersection.Criterion criterion) {
        Random rnd = new Random(1997);
        CovarianceIntersection ci = new CovarianceIntersection(criterion);
        double worst = Double.POSITIVE_INFINITY;
        for (int trial = 0; trial < 400; trial++) {
            RealMatrix a = randomSpd(rnd, N, 100);
            RealMatrix b = randomSpd(rnd, N, 100);
            double rho = trial % 4 == 0 ? (trial % 8 == 0 ? 1 : -1) : 2 * rnd.nextDouble() - 1;
            RealMatrix k = randomOrthogonal(rnd, N).scalarMultiply(rho);
            RealMatrix x = lower(a).multiply(k).multiplyTransposed(lower(b));
            double[] c = new double[N];
            double[] pc = new double[N * N];
            double omega = ci.fuse(N, new double[N], flat(a), new double[N], flat(b), c, pc);
            RealMatrix cm = matrix(N, pc);
            RealMatrix ka = cm.multiply(MatrixUtils.inverse(a)).scalarMultiply(omega);
            RealMatrix kb = cm.multiply(MatrixUtils.inverse(b)).scalarMultiply(1 - omega);
            RealMatrix truth = ka.multiply(a).multiplyTransposed(ka)
                    .add(ka.multiply(x).multiplyTransposed(kb))
                    .add(kb.multiply(x.transpose()).multiplyTransposed(ka))
                    .add(kb.multiply(b).multiplyTransposed(kb));
            RealMatrix gap = cm.subtract(truth);
            gap = gap.add(gap.transpose()).scalarMultiply(0.5);
            double minEig = Double.POSITIVE_INFINITY;
            for (double e : new EigenDecompositionSymmetric(gap).getEigenvalues()) {
                minEig = Math.min(minEig, e);
            }
            double relative = minEig / cm.getNorm1();
            worst = Math.min(worst, relative);
            assertThat(relative).as("trial %d, rho %.2f, omega %.4f", trial, rho, omega).isGreaterThan(-1e-9);
        }
        System.out.printf(java.util.Locale.ROOT, "CI %s: smallest eigenvalue of C - P_true relative to |C| over 400 trials: %.2e%n",
                criterion, worst);
    }

    /**
     * Monte Carlo with correlated Gaussian errors: the mean NEES of the fused estimate stays
     * below the dimension (a consistent, here conservative, estimator), for independent,
     * partly and fully correlated inputs.
     */
    @ParameterizedTest
    @EnumSource(CovarianceIntersection.Criterion.class)
    void monteCarloNeesStaysBelowTheDimension(CovarianceIntersection.Criterion criterion) {
        Random rnd = new Random(2002);
        CovarianceIntersection ci = new CovarianceIntersection(criterion);
        for (double rho : new double[] {0, 0.5, 0.9, 1.0}) {
            RealMatrix a = randomSpd(rnd, N, 100);
            RealMatrix b = randomSpd(rnd, N, 100);
            // Q = I: the errors share their structure (as tracks sharing process noise do); the
            // analytic test above covers every other Q
            RealMatrix q = MatrixUtils.createRealIdentityMatrix(N);
            RealMatrix la = lower(a);
            RealMatrix lb = lower(b);
            double[] c = new double[N];
            double[] pc = new double[N * N];
            double[] fa = flat(a);
            double[] fb = flat(b);
            double omega = ci.fuse(N, new double[N], fa, new double[N], fb, c, pc);
            double[] inv = new double[N * N];
            Dense.invert(N, pc, inv);
            // the naive fusion that assumes independence, C = (A⁻¹ + B⁻¹)⁻¹, for contrast
            double[] naiveInv = flat(MatrixUtils.inverse(a).add(MatrixUtils.inverse(b)));
            RealMatrix naiveGain = MatrixUtils.inverse(matrix(N, naiveInv));
            RealMatrix naiveKa = naiveGain.multiply(MatrixUtils.inverse(a));
            RealMatrix naiveKb = naiveGain.multiply(MatrixUtils.inverse(b));
            int draws = 5_000;
            double nees = 0;
            double naiveNees = 0;
            double[] z1 = new double[N];
            double[] z2 = new double[N];
            double[] ea = new double[N];
            double[] eb = new double[N];
            for (int d = 0; d < draws; d++) {
                for (int i = 0; i < N; i++) {
                    z1[i] = rnd.nextGaussian();
                    z2[i] = rnd.nextGaussian();
                }
                // e_a = L_A z1, e_b = L_B (ρ Qᵀ z1 + √(1 − ρ²) z2): cov(e_a, e_b) = L_A ρ Q L_Bᵀ
                double[] w = q.transpose().operate(z1);
                for (int i = 0; i < N; i++) {
                    w[i] = rho * w[i] + Math.sqrt(1 - rho * rho) * z2[i];
                }
                System.arraycopy(la.operate(z1), 0, ea, 0, N);
                System.arraycopy(lb.operate(w), 0, eb, 0, N);
                ci.combine(N, omega, ea, fa, eb, fb, c, pc);
                nees += quadratic(c, inv);
                double[] naive = naiveKa.operate(ea);
                double[] nb = naiveKb.operate(eb);
                for (int i = 0; i < N; i++) {
                    naive[i] += nb[i];
                }
                naiveNees += quadratic(naive, naiveInv);
            }
            nees /= draws;
            naiveNees /= draws;
            System.out.printf(java.util.Locale.ROOT,
                    "CI %s, rho %.1f: mean NEES %.2f (dimension %d); naive independent fusion %.2f%n", criterion, rho,
                    nees, N, naiveNees);
            // 5,000 draws: the standard error of the mean NEES is at most about √(2·6/5,000) ≈ 0.05
            assertThat(nees).as("rho %.1f", rho).isLessThan(N + 0.2);
            if (rho >= 0.9) {
                // the test can fail: fusion that ignores the correlation is overconfident here
                assertThat(naiveNees).as("naive, rho %.1f", rho).isGreaterThan(N + 0.5);
            }
        }
    }

    private static double quadratic(double[] v, double[] m) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                s += v[i] * m[i * N + j] * v[j];
            }
        }
        return s;
    }

    /** The fused criterion is no worse than the better input's and no worse than a fine grid over ω. */
    @ParameterizedTest
    @EnumSource(CovarianceIntersection.Criterion.class)
    void omegaIsOptimalAndNeverWorseThanTheBetterInput(CovarianceIntersection.Criterion criterion) {
        Random rnd = new Random(7);
        CovarianceIntersection ci = new CovarianceIntersection(criterion);
        double[] c = new double[N];
        double[] pc = new double[N * N];
        for (int trial = 0; trial < 100; trial++) {
            double[] a = flat(randomSpd(rnd, N, 10));
            double[] b = flat(trial % 10 == 0 ? randomSpd(rnd, N, 1e4) : randomSpd(rnd, N, 10));
            ci.fuse(N, new double[N], a, new double[N], b, c, pc);
            double fused = value(criterion, pc);
            assertThat(fused).isLessThanOrEqualTo(Math.min(value(criterion, a), value(criterion, b)) + 1e-9 * Math.abs(fused));
            double grid = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= 1000; k++) {
                ci.combine(N, k / 1000.0, new double[N], a, new double[N], b, new double[N], pc);
                grid = Math.min(grid, value(criterion, pc));
            }
            assertThat(fused).isLessThanOrEqualTo(grid + 1e-9 * Math.abs(grid));
        }
    }

    private static double value(CovarianceIntersection.Criterion criterion, double[] p) {
        return criterion == CovarianceIntersection.Criterion.TRACE ? Dense.trace(N, p) : Dense.logDet(N, p);
    }
}
