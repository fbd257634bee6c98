package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.ReferenceData;
import dev.bulwark.engine.sim.RandomStream;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates {@link KalmanFilter}: against an independent textbook computation with Hipparchus
 * matrices on seeded random cases, against an exact hand-computed 1-D table, and for its
 * numerical guarantees (Mahalanobis distance, symmetric positive definite covariance over long
 * runs, refusal of a non-positive-definite innovation covariance).
 */
class KalmanFilterTest {

    /**
     * Agreement with the independent computation, relative to the largest entry of the
     * reference quantity. The cases are well conditioned (cond(S) below ~10⁴); both sides
     * round at ~1e-16 per operation over a few hundred operations, so 1e-9 leaves six orders
     * of magnitude of margin while a wrong index or a missing term shows up at 1e-3 or more.
     */
    private static final double RELATIVE = 1e-9;

    // ---------------------------------------------------------------- (a) against Hipparchus

    @ParameterizedTest(name = "measurement dimension {0}")
    @ValueSource(ints = {3, 2, 1})
    void predictAndUpdateMatchTheTextbookEquations(int md) {
        // A 6-state filter sized for 3-D measurements also takes smaller ones (md < m). 40 seeded
        // cases of 5 predict/update cycles each; the reference chain continues from its own values.
        for (int c = 0; c < 40; c++) {
            RandomStream rnd = new RandomStream(1000L * md + c);
            int n = 6;
            RealMatrix x = MatrixUtils.createColumnRealMatrix(gaussian(rnd, n, 100));
            RealMatrix p = spd(rnd, n, 30);
            KalmanFilter kf = new KalmanFilter(n, 3);
            kf.initialise(x.getColumn(0), rowMajor(p));
            for (int step = 0; step < 5; step++) {
                RealMatrix f = MatrixUtils.createRealIdentityMatrix(n).add(matrix(rnd, n, n, 0.3));
                RealMatrix b = MatrixUtils.createColumnRealMatrix(gaussian(rnd, n, 5));
                RealMatrix q = spd(rnd, n, 1);
                RealMatrix h = matrix(rnd, md, n, 1);
                RealMatrix r = spd(rnd, md, 10);
                RealMatrix z = h.multiply(x).add(MatrixUtils.createColumnRealMatrix(gaussian(rnd, md, 20)));

                // textbook prediction
                x = f.multiply(x).add(b);
                p = f.multiply(p).multiplyTransposed(f).add(q);
                kf.predict(rowMajor(f), b.getColumn(0), rowMajor(q));
                assertClose(kf.state(), x, "predicted state, case " + c + " step " + step);
                assertClose(kf.covariance(), p, "predicted covariance, case " + c + " step " + step);

                // textbook update: K = P Hᵀ S⁻¹, Joseph form
                RealMatrix s = h.multiply(p).multiplyTransposed(h).add(r);
                RealMatrix sInv = new LUDecomposition(s).getSolver().getInverse();
                RealMatrix k = p.multiplyTransposed(h).multiply(sInv);
                RealMatrix nu = z.subtract(h.multiply(x));
                double nis = nu.transposeMultiply(sInv).multiply(nu).getEntry(0, 0);
                RealMatrix ikh = MatrixUtils.createRealIdentityMatrix(n).subtract(k.multiply(h));
                x = x.add(k.multiply(nu));
                p = ikh.multiply(p).multiplyTransposed(ikh).add(k.multiply(r).multiplyTransposed(k));

                double mahalanobis = kf.mahalanobis(z.getColumn(0), rowMajor(h), rowMajor(r), md);
                double returned = kf.update(z.getColumn(0), rowMajor(h), rowMajor(r), md);
                assertThat(mahalanobis).isCloseTo(nis, within(RELATIVE * Math.max(1, nis)));
                assertThat(returned).isEqualTo(mahalanobis);
                assertClose(kf.state(), x, "updated state, case " + c + " step " + step);
                assertClose(kf.covariance(), p, "updated covariance, case " + c + " step " + step);
            }
        }
    }

    @Test
    void theConstantVelocityPredictionIsTheDenseProductToTheBit() {
        // predict() writes out F P Fᵀ + Q for F = [[I, dt I], [0, I]]: compared here with the
        // dense triple loop in the same summation order (adding the products of F's zeros changes
        // no finite sum), with and without a known input, over random states and covariances
        for (int c = 0; c < 40; c++) {
            RandomStream rnd = new RandomStream(31_000 + c);
            double dt = 0.05 + 3 * rnd.nextDouble();
            double[] f = new double[36];
            for (int i = 0; i < 6; i++) {
                f[i * 6 + i] = 1;
            }
            for (int i = 0; i < 3; i++) {
                f[i * 6 + i + 3] = dt;
            }
            double[] x0 = gaussian(rnd, 6, 1_000);
            double[] p0 = rowMajor(spd(rnd, 6, 50));
            double[] q = rowMajor(spd(rnd, 6, 2));
            double[] b = c % 2 == 0 ? null : gaussian(rnd, 6, 5);
            KalmanFilter kf = new KalmanFilter(6, 3);
            kf.initialise(x0, p0);
            kf.predict(f, b, q);
            double[] x = new double[6];
            double[] fp = new double[36];
            double[] p = new double[36];
            for (int i = 0; i < 6; i++) {
                double acc = 0;
                for (int j = 0; j < 6; j++) {
                    acc += f[i * 6 + j] * x0[j];
                }
                x[i] = acc + (b == null ? 0 : b[i]);
                for (int j = 0; j < 6; j++) {
                    double a = 0;
                    for (int l = 0; l < 6; l++) {
                        a += f[i * 6 + l] * p0[l * 6 + j];
                    }
                    fp[i * 6 + j] = a;
                }
            }
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j <= i; j++) {
                    double acc = 0;
                    for (int l = 0; l < 6; l++) {
                        acc += fp[i * 6 + l] * f[j * 6 + l];
                    }
                    double v = acc + q[i * 6 + j];
                    if (j != i) {
                        v = 0.5 * (v + acc + q[j * 6 + i]);
                    }
                    p[i * 6 + j] = v;
                    p[j * 6 + i] = v;
                }
            }
            assertThat(kf.state()).as("case %d", c).containsExactly(x);
            assertThat(kf.covariance()).as("case %d", c).containsExactly(p);
        }
    }

    @Test
    void theWrittenOutSpecialCasesGiveTheGeneralLoopsResultsToTheBit() {
        // constant-velocity predictions and position updates (H = [I 0]) through the written-out
        // paths, against the same steps forced through the general sparse loops
        for (int c = 0; c < 20; c++) {
            RandomStream rnd = new RandomStream(47_000 + c);
            double[] x0 = gaussian(rnd, 6, 1_000);
            double[] p0 = rowMajor(spd(rnd, 6, 100));
            KalmanFilter fast = new KalmanFilter(6, 3);
            KalmanFilter general = new KalmanFilter(6, 3);
            general.generalOnly = true;
            fast.initialise(x0, p0);
            general.initialise(x0, p0);
            double[] h = new double[18];
            for (int i = 0; i < 3; i++) {
                h[i * 6 + i] = 1;
            }
            for (int step = 0; step < 30; step++) {
                double dt = 0.1 + 2 * rnd.nextDouble();
                double[] f = new double[36];
                for (int i = 0; i < 6; i++) {
                    f[i * 6 + i] = 1;
                }
                for (int i = 0; i < 3; i++) {
                    f[i * 6 + i + 3] = dt;
                }
                double[] q = rowMajor(spd(rnd, 6, 1));
                double[] b = step % 3 == 0 ? null : gaussian(rnd, 6, 2);
                fast.predict(f, b, q);
                general.predict(f, b, q);
                double[] z = gaussian(rnd, 3, 1_000);
                double[] r = rowMajor(spd(rnd, 3, 20));
                assertThat(fast.update(z, h, r, 3)).isEqualTo(general.update(z, h, r, 3));
                assertThat(fast.state()).as("case %d step %d", c, step).containsExactly(general.state());
                assertThat(fast.covariance()).as("case %d step %d", c, step).containsExactly(general.covariance());
            }
        }
    }

    @Test
    void aNullInputIsNoInput() {
        RandomStream rnd = new RandomStream(5);
        double[] x0 = gaussian(rnd, 6, 10);
        double[] p0 = rowMajor(spd(rnd, 6, 3));
        double[] f = rowMajor(MatrixUtils.createRealIdentityMatrix(6).add(matrix(rnd, 6, 6, 0.2)));
        double[] q = rowMajor(spd(rnd, 6, 1));
        KalmanFilter withNull = new KalmanFilter(6, 3);
        KalmanFilter withZero = new KalmanFilter(6, 3);
        withNull.initialise(x0, p0);
        withZero.initialise(x0, p0);
        withNull.predict(f, null, q);
        withZero.predict(f, new double[6], q);
        assertThat(withNull.state()).containsExactly(withZero.state());
        assertThat(withNull.covariance()).containsExactly(withZero.covariance());
        assertThat(withNull.state()).isNotEqualTo(x0);
    }

    @Test
    void initialiseCopiesItsArguments() {
        double[] x0 = {1, 2};
        double[] p0 = {4, 1, 1, 9};
        KalmanFilter kf = new KalmanFilter(2, 1);
        kf.initialise(x0, p0);
        x0[0] = 100;
        p0[0] = 100;
        assertThat(kf.state()).containsExactly(1, 2);
        assertThat(kf.covariance()).containsExactly(4, 1, 1, 9);
        assertThat(kf.stateDimension()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- (b) exact 1-D reference

    /** Parameters stated in the header of {@code kf-1d-cv.txt}. */
    private static final double Q_1D = 0.5;
    private static final double R_1D = 4.0;

    @Test
    void oneDimensionalConstantVelocityMatchesTheExactTable() {
        // The table holds the exact rational results rounded once to binary64; the filter's own
        // rounding over 12 steps stays near 1e-15 relative, so 1e-12 (relative to max(1, |value|))
        // is tight, yet far above what a correct implementation produces.
        List<ReferenceData.Row> rows = ReferenceData.load("/reference/track/kf-1d-cv.txt");
        assertThat(rows).hasSize(12);
        KalmanFilter kf = new KalmanFilter(2, 1);
        kf.initialise(new double[] {0, 10}, new double[] {100, 0, 0, 25});
        double[] h = {1, 0};
        double[] r = {R_1D};
        for (ReferenceData.Row row : rows) {
            double dt = row.get(1);
            double[] f = {1, dt, 0, 1};
            double[] q = {Q_1D * dt * dt * dt / 3, Q_1D * dt * dt / 2, Q_1D * dt * dt / 2, Q_1D * dt};
            kf.predict(f, null, q);
            assertRow(row, kf, 3);
            double nis = kf.update(new double[] {row.get(2)}, h, r, 1);
            assertThat(nis).as("%s NIS", row).isCloseTo(row.get(8), within(1e-12 * Math.max(1, row.get(8))));
            assertRow(row, kf, 9);
        }
    }

    private static void assertRow(ReferenceData.Row row, KalmanFilter kf, int column) {
        double[] actual = {kf.state()[0], kf.state()[1], kf.covariance()[0], kf.covariance()[1], kf.covariance()[3]};
        String[] names = {"x", "v", "P11", "P12", "P22"};
        for (int i = 0; i < 5; i++) {
            double expected = row.get(column + i);
            assertThat(actual[i]).as("%s %s (column %d)", row, names[i], column + i + 1)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
        assertThat(kf.covariance()[2]).isEqualTo(kf.covariance()[1]);
    }

    // ---------------------------------------------------------------- (c) numerical guarantees

    @Test
    void mahalanobisIsTheInnovationsNormUnderSAndChangesNothing() {
        for (int c = 0; c < 50; c++) {
            RandomStream rnd = new RandomStream(77_000 + c);
            KalmanFilter kf = new KalmanFilter(6, 3);
            double[] x0 = gaussian(rnd, 6, 1_000);
            RealMatrix p = spd(rnd, 6, 100);
            kf.initialise(x0, rowMajor(p));
            RealMatrix h = matrix(rnd, 3, 6, 1);
            RealMatrix r = spd(rnd, 3, 50);
            double[] z = gaussian(rnd, 3, 2_000);
            double[] stateBefore = kf.state().clone();
            double[] covBefore = kf.covariance().clone();

            double d2 = kf.mahalanobis(z, rowMajor(h), rowMajor(r), 3);

            RealMatrix s = h.multiply(p).multiplyTransposed(h).add(r);
            RealVector nu = MatrixUtils.createRealVector(z).subtract(h.operate(MatrixUtils.createRealVector(x0)));
            double expected = nu.dotProduct(new LUDecomposition(s).getSolver().solve(nu));
            assertThat(d2).as("case %d", c).isCloseTo(expected, within(RELATIVE * expected));
            assertThat(kf.state()).containsExactly(stateBefore);
            assertThat(kf.covariance()).containsExactly(covBefore);
        }
    }

    @Test
    void covarianceStaysSymmetricPositiveDefiniteOverAThousandSteps() {
        // A hard case for the short form P = (I − KH)P: a 6-state constant-velocity filter with a
        // vague start (σ = 10⁵ m, 10³ m/s), very precise, strongly correlated position measurements
        // (standard deviations 0.01 to 10 m, condition number 10⁶) and almost no process noise. The
        // Joseph form keeps P exactly symmetric and positive definite (Cholesky pivots > 0) at
        // every step.
        RandomStream rnd = new RandomStream(31337);
        KalmanFilter kf = new KalmanFilter(6, 3);
        double[] p0 = new double[36];
        for (int i = 0; i < 3; i++) {
            p0[i * 6 + i] = 1e10;
            p0[(i + 3) * 6 + i + 3] = 1e6;
        }
        kf.initialise(new double[6], p0);
        double dt = 1.0;
        double qd = 1e-6;
        double[] f = new double[36];
        double[] q = new double[36];
        for (int i = 0; i < 6; i++) {
            f[i * 6 + i] = 1;
        }
        for (int i = 0; i < 3; i++) {
            f[i * 6 + i + 3] = dt;
            q[i * 6 + i] = qd * dt * dt * dt / 3;
            q[i * 6 + i + 3] = qd * dt * dt / 2;
            q[(i + 3) * 6 + i] = qd * dt * dt / 2;
            q[(i + 3) * 6 + i + 3] = qd * dt;
        }
        RealMatrix rotation = new QRDecomposition(matrix(rnd, 3, 3, 1)).getQ();
        double[] sigmas = {0.01, 1, 10};
        RealMatrix root = rotation.multiply(MatrixUtils.createRealDiagonalMatrix(sigmas));
        RealMatrix r = root.multiplyTransposed(root);
        double[] rArray = rowMajor(r);
        // keep R exactly symmetric, as a caller would
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                rArray[j * 3 + i] = rArray[i * 3 + j];
            }
        }
        double[] truth = {1_000, -2_000, 500, 30, 10, -5};
        for (int step = 0; step < 1_000; step++) {
            kf.predict(f, null, q);
            for (int i = 0; i < 3; i++) {
                truth[i] += truth[i + 3] * dt;
            }
            // noise drawn from R itself (R = root rootᵀ)
            double[] noise = root.operate(gaussian(rnd, 3, 1));
            double[] z = {truth[0] + noise[0], truth[1] + noise[1], truth[2] + noise[2]};
            double nis = kf.update(z, ConvertedPosition.H, rArray, 3);
            assertThat(nis).as("step %d", step).isFinite();
            double[] p = kf.covariance();
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(p[i * 6 + j]).as("step %d P[%d][%d]", step, i, j).isEqualTo(p[j * 6 + i]);
                }
            }
            RealMatrix pm = MatrixUtils.createRealMatrix(6, 6);
            for (int i = 0; i < 36; i++) {
                pm.setEntry(i / 6, i % 6, p[i]);
            }
            // throws if a pivot is ≤ 0
            new CholeskyDecomposition(pm, 1e-12, 0.0);
        }
        // the estimate is still sound: after 1,000 scans a least-squares velocity has σ ≈ 10 m · √(12/N³)
        // ≈ 1 mm/s on the worst axis; 1 cm/s is 10 σ
        for (int i = 3; i < 6; i++) {
            assertThat(kf.state()[i]).isCloseTo(truth[i], within(0.01));
        }
    }

    @Test
    void updateRefusesANonPositiveDefiniteInnovationCovarianceAndChangesNothing() {
        KalmanFilter kf = new KalmanFilter(6, 3);
        // zero state covariance and zero measurement noise: S = 0
        kf.initialise(new double[] {1, 2, 3, 4, 5, 6}, new double[36]);
        double[] z = {10, 20, 30};
        assertRefused(kf, z, new double[9]);
        // an indefinite R
        assertRefused(kf, z, new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1});
        // NaN noise
        assertRefused(kf, z, new double[] {Double.NaN, 0, 0, 0, 1, 0, 0, 0, 1});
        // and a valid R is accepted on the same filter (so the refusals were about S)
        assertThat(kf.update(z, ConvertedPosition.H, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3)).isFinite();
        assertThat(kf.state()[0]).isEqualTo(1);  // P = 0: the prior is certain, the gain zero
    }

    private static void assertRefused(KalmanFilter kf, double[] z, double[] r) {
        double[] x = kf.state().clone();
        double[] p = kf.covariance().clone();
        assertThat(kf.mahalanobis(z, ConvertedPosition.H, r, 3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(kf.update(z, ConvertedPosition.H, r, 3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(kf.state()).containsExactly(x);
        assertThat(kf.covariance()).containsExactly(p);
    }

    @Test
    void aMeasurementLargerThanTheFilterWasSizedForIsRefused() {
        KalmanFilter kf = new KalmanFilter(6, 2);
        kf.initialise(new double[6], rowMajor(MatrixUtils.createRealIdentityMatrix(6)));
        assertThatThrownBy(() -> kf.update(new double[3], ConvertedPosition.H, new double[9], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }

    // ---------------------------------------------------------------- helpers

    private static double[] gaussian(RandomStream rnd, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian();
        }
        return v;
    }

    private static RealMatrix matrix(RandomStream rnd, int rows, int cols, double scale) {
        RealMatrix m = MatrixUtils.createRealMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.setEntry(i, j, scale * rnd.nextGaussian());
            }
        }
        return m;
    }

    /** A symmetric positive definite matrix A Aᵀ + I, of size about scale². */
    private static RealMatrix spd(RandomStream rnd, int n, double scale) {
        RealMatrix a = matrix(rnd, n, n, scale);
        RealMatrix m = a.multiplyTransposed(a).add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(scale * scale));
        // exactly symmetric
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m.setEntry(j, i, m.getEntry(i, j));
            }
        }
        return m;
    }

    private static double[] rowMajor(RealMatrix m) {
        double[] out = new double[m.getRowDimension() * m.getColumnDimension()];
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) {
                out[i * m.getColumnDimension() + j] = m.getEntry(i, j);
            }
        }
        return out;
    }

    /** Entry-wise agreement to RELATIVE times the largest entry of the reference. */
    private static void assertClose(double[] actual, RealMatrix expected, String what) {
        double[] e = rowMajor(expected);
        assertThat(actual).as(what).hasSizeGreaterThanOrEqualTo(e.length);
        double scale = Arrays.stream(e).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < e.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(e[i], within(RELATIVE * scale));
        }
    }

    @Test
    void filtersSharingWorkArraysGiveTheSameResultsAsFiltersWithTheirOwn() {
        // Two tracks stepped in turn (predict, update, predict, ...) with filters that share one set
        // of work arrays, and again with independent filters: bit-identical states and covariances.
        ConstantVelocity cv = new ConstantVelocity(3.0);
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        double[] r = {400, 30, -10, 30, 900, 5, -10, 5, 250};
        KalmanFilter donor = new KalmanFilter(6, 3);
        KalmanFilter[] shared = {new KalmanFilter(donor), new KalmanFilter(donor)};
        KalmanFilter[] own = {new KalmanFilter(6, 3), new KalmanFilter(6, 3)};
        double[] p0 = new double[36];
        for (int i = 0; i < 6; i++) {
            p0[i * 6 + i] = i < 3 ? 400 : 10_000;
        }
        for (int k = 0; k < 2; k++) {
            double[] x0 = {1_000 * k, -500, 3_000, 50, 20 * k, -5};
            shared[k].initialise(x0, p0);
            own[k].initialise(x0, p0);
        }
        java.util.Random rnd = new java.util.Random(4);
        for (int step = 0; step < 20; step++) {
            cv.transition(null, 1.0, f, b, q);
            for (int k = 0; k < 2; k++) {
                double[] z = {1_000 * k + rnd.nextGaussian() * 20 + 50 * step, -500 + rnd.nextGaussian() * 30,
                    3_000 + rnd.nextGaussian() * 15};
                shared[k].predict(f, b, q);
                own[k].predict(f, b, q);
                shared[k].update(z, ConvertedPosition.H, r, 3);
                own[k].update(z, ConvertedPosition.H, r, 3);
            }
        }
        for (int k = 0; k < 2; k++) {
            assertThat(shared[k].state()).containsExactly(own[k].state());
            assertThat(shared[k].covariance()).containsExactly(own[k].covariance());
        }
        assertThat(shared[0].state()[0]).isNotEqualTo(shared[1].state()[0]);
    }
}
