package dev.bulwark.engine.track.associate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/** {@link MahalanobisGate}'s grid against the all-pairs test, with d² checked against Hipparchus. */
class MahalanobisGateTest {

    /** A random symmetric positive definite 3×3 matrix with standard deviations near sigma (m). */
    static double[] randomCovariance(Random rnd, double sigma) {
        RealMatrix a = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a.setEntry(i, j, rnd.nextGaussian() * sigma * 0.6 + (i == j ? sigma : 0));
            }
        }
        RealMatrix c = a.multiply(a.transpose());
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = c.getEntry(i, j);
            }
        }
        return out;
    }

    @Test
    void floorIsMathFloorForEveryDouble() {
        double[] special = {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2e9, -2e9, 2147483647.5, -2147483648.0,
            -2147483648.5, 3e10, -3e10, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Math.nextDown(1.0),
            Math.nextUp(-1.0)};
        for (double v : special) {
            assertThat(MahalanobisGate.floor(v)).as("%s", v).isEqualTo((int) Math.floor(v));
        }
        Random rnd = new Random(5);
        for (int k = 0; k < 100_000; k++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(12));
            assertThat(MahalanobisGate.floor(v)).as("%s", v).isEqualTo((int) Math.floor(v));
        }
    }

    @Test
    void theGridFindsExactlyThePairsOfTheAllPairsTestWithTheRightDistances() {
        Random rnd = new Random(17);
        MahalanobisGate gate = new MahalanobisGate(16.27);
        GatedPairs got = new GatedPairs();
        for (int trial = 0; trial < 20; trial++) {
            int nt = 200 + rnd.nextInt(200);
            int np = 200 + rnd.nextInt(200);
            double box = 5_000 + rnd.nextDouble() * 20_000;
            double[] offset = {4.4e6, 3.1e6, 3.3e6}; // ECEF-sized coordinates, negative cells too
            double[] zHat = new double[3 * nt];
            double[] hph = new double[9 * nt];
            double[] z = new double[3 * np];
            double[] r = new double[9 * np];
            for (int i = 0; i < nt; i++) {
                for (int k = 0; k < 3; k++) {
                    zHat[3 * i + k] = offset[k] * (k == 1 ? -1 : 1) + rnd.nextDouble() * box;
                }
                // a mix of tight (confirmed) and wide (new) tracks
                System.arraycopy(randomCovariance(rnd, rnd.nextDouble() < 0.2 ? 400 : 40), 0, hph, 9 * i, 9);
            }
            for (int j = 0; j < np; j++) {
                for (int k = 0; k < 3; k++) {
                    z[3 * j + k] = offset[k] * (k == 1 ? -1 : 1) + rnd.nextDouble() * box;
                }
                System.arraycopy(randomCovariance(rnd, 10 + 30 * rnd.nextDouble()), 0, r, 9 * j, 9);
            }
            gate.gate(nt, zHat, hph, np, z, r, got);
            List<String> want = new ArrayList<>();
            int pairs = 0;
            for (int i = 0; i < nt; i++) {
                for (int j = 0; j < np; j++) {
                    double d2 = reference(zHat, hph, i, z, r, j);
                    if (d2 <= 16.27) {
                        want.add(i + "," + j);
                        pairs++;
                    }
                }
            }
            List<String> have = new ArrayList<>();
            for (int i = 0; i < nt; i++) {
                for (int k = got.start(i); k < got.start(i + 1); k++) {
                    int j = got.plot(k);
                    have.add(i + "," + j);
                    assertThat(got.distance2(k)).isCloseTo(reference(zHat, hph, i, z, r, j), within(1e-9));
                    assertThat(Math.log(got.sqrtDetS(k))).isCloseTo(0.5 * referenceLogDet(hph, i, r, j), within(1e-9));
                }
            }
            assertThat(have).containsExactlyInAnyOrderElementsOf(want);
            assertThat(got.size()).isEqualTo(pairs);
        }
    }

    /** ln |H P Hᵀ + R| by Hipparchus' LU determinant. */
    static double referenceLogDet(double[] hph, int i, double[] r, int j) {
        RealMatrix s = MatrixUtils.createRealMatrix(3, 3);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                s.setEntry(a, b, hph[9 * i + 3 * a + b] + 0.5 * (r[9 * j + 3 * a + b] + r[9 * j + 3 * b + a]));
            }
        }
        return Math.log(new org.hipparchus.linear.LUDecomposition(s).getDeterminant());
    }

    @Test
    void manyPairsAreFoundOnADenseProblem() {
        // guards the test above from passing vacuously: with the tracks packed, gates do catch plots
        Random rnd = new Random(2);
        int n = 300;
        double[] zHat = new double[3 * n];
        double[] hph = new double[9 * n];
        double[] z = new double[3 * n];
        double[] r = new double[9 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                zHat[3 * i + k] = rnd.nextDouble() * 2_000;
                z[3 * i + k] = zHat[3 * i + k] + rnd.nextGaussian() * 30;
            }
            System.arraycopy(randomCovariance(rnd, 30), 0, hph, 9 * i, 9);
            System.arraycopy(randomCovariance(rnd, 20), 0, r, 9 * i, 9);
        }
        GatedPairs got = new GatedPairs();
        new MahalanobisGate(16.27).gate(n, zHat, hph, n, z, r, got);
        assertThat(got.size()).isGreaterThan(n / 2);
    }

    static double reference(double[] zHat, double[] hph, int i, double[] z, double[] r, int j) {
        RealMatrix s = MatrixUtils.createRealMatrix(3, 3);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                s.setEntry(a, b, hph[9 * i + 3 * a + b] + r[9 * j + 3 * a + b]);
            }
        }
        RealVector nu = MatrixUtils.createRealVector(new double[] {
            z[3 * j] - zHat[3 * i], z[3 * j + 1] - zHat[3 * i + 1], z[3 * j + 2] - zHat[3 * i + 2]});
        RealVector y = new CholeskyDecomposition(s).getSolver().solve(nu);
        return nu.dotProduct(y);
    }
}
