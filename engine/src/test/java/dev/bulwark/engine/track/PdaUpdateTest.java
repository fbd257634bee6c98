package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * {@link KalmanFilter#updateProbabilistic}, the PDAF update, against the textbook formulas
 * (Bar-Shalom, Daum &amp; Huang 2009, eqs. 30–40) evaluated independently with Hipparchus matrices:
 * K = P Hᵀ S⁻¹, x⁺ = x + K Σ β_j ν_j, P⁺ = β₀ P + (1 − β₀)(P − K S Kᵀ) + K (Σ β_j ν_j ν_jᵀ − ν νᵀ) Kᵀ.
 */
class PdaUpdateTest {

    static RealMatrix randomSpd(Random rnd, int n, double scale) {
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, rnd.nextGaussian() * scale + (i == j ? 2 * scale : 0));
            }
        }
        return a.multiply(a.transpose());
    }

    static double[] flat(RealMatrix m) {
        int r = m.getRowDimension();
        int c = m.getColumnDimension();
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = m.getEntry(i, j);
            }
        }
        return out;
    }

    @Test
    void matchesTheTextbookFormulasOnRandomCases() {
        Random rnd = new Random(5);
        RealMatrix h = MatrixUtils.createRealMatrix(3, 6);
        for (int i = 0; i < 3; i++) {
            h.setEntry(i, i, 1);
        }
        for (int trial = 0; trial < 50; trial++) {
            RealMatrix p = randomSpd(rnd, 6, 30);
            RealMatrix r = randomSpd(rnd, 3, 20);
            RealVector x = MatrixUtils.createRealVector(new double[6]);
            for (int i = 0; i < 6; i++) {
                x.setEntry(i, 1_000 * rnd.nextGaussian());
            }
            int count = 1 + rnd.nextInt(4);
            double[] z = new double[3 * count];
            double[] beta = new double[count];
            double left = 1;
            for (int j = 0; j < count; j++) {
                for (int a = 0; a < 3; a++) {
                    z[3 * j + a] = x.getEntry(a) + 100 * rnd.nextGaussian();
                }
                beta[j] = left * rnd.nextDouble();
                left -= beta[j];
            }
            KalmanFilter kf = new KalmanFilter(6, 3);
            kf.initialise(x.toArray(), flat(p));
            assertThat(kf.updateProbabilistic(z, beta, count, flat(h), flat(r), 3)).isTrue();

            RealMatrix s = h.multiply(p).multiply(h.transpose()).add(r);
            RealMatrix k = p.multiply(h.transpose()).multiply(MatrixUtils.inverse(s));
            RealVector nu = MatrixUtils.createRealVector(new double[3]);
            RealMatrix spread = MatrixUtils.createRealMatrix(3, 3);
            RealVector hx = h.operate(x);
            for (int j = 0; j < count; j++) {
                RealVector nuJ = MatrixUtils.createRealVector(new double[] {z[3 * j], z[3 * j + 1], z[3 * j + 2]})
                        .subtract(hx);
                nu = nu.add(nuJ.mapMultiply(beta[j]));
                spread = spread.add(nuJ.outerProduct(nuJ).scalarMultiply(beta[j]));
            }
            spread = spread.subtract(nu.outerProduct(nu));
            double beta0 = left;
            RealVector xWant = x.add(k.operate(nu));
            RealMatrix pc = p.subtract(k.multiply(s).multiply(k.transpose()));
            RealMatrix pWant = p.scalarMultiply(beta0).add(pc.scalarMultiply(1 - beta0))
                    .add(k.multiply(spread).multiply(k.transpose()));
            double scaleX = xWant.getLInfNorm();
            double scaleP = pWant.getNorm1();
            for (int i = 0; i < 6; i++) {
                assertThat(kf.state()[i]).as("x[%d], trial %d", i, trial).isCloseTo(xWant.getEntry(i),
                        within(1e-9 * scaleX));
                for (int j = 0; j < 6; j++) {
                    assertThat(kf.covariance()[6 * i + j]).as("P[%d][%d], trial %d", i, j, trial)
                            .isCloseTo(pWant.getEntry(i, j), within(1e-9 * scaleP));
                }
            }
        }
    }

    @Test
    void withOneSureMeasurementItIsTheKalmanUpdateAndWithNoneNothingChanges() {
        Random rnd = new Random(9);
        double[] p = flat(randomSpd(rnd, 6, 30));
        double[] r = flat(randomSpd(rnd, 3, 20));
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] z = {40, -30, 20};
        KalmanFilter a = new KalmanFilter(6, 3);
        KalmanFilter b = new KalmanFilter(6, 3);
        a.initialise(x, p);
        b.initialise(x, p);
        a.update(z, ConvertedPosition.H, r, 3);
        b.updateProbabilistic(z, new double[] {1.0}, 1, ConvertedPosition.H, r, 3);
        for (int i = 0; i < 6; i++) {
            assertThat(b.state()[i]).isCloseTo(a.state()[i], within(1e-9));
        }
        for (int i = 0; i < 36; i++) {
            assertThat(b.covariance()[i]).isCloseTo(a.covariance()[i], within(1e-9 * Math.abs(p[i]) + 1e-9));
        }
        // β = 0 for the one gated measurement: the track keeps its prediction
        KalmanFilter c = new KalmanFilter(6, 3);
        c.initialise(x, p);
        c.updateProbabilistic(z, new double[] {0.0}, 1, ConvertedPosition.H, r, 3);
        for (int i = 0; i < 6; i++) {
            assertThat(c.state()[i]).isEqualTo(x[i]);
        }
        for (int i = 0; i < 36; i++) {
            assertThat(c.covariance()[i]).isCloseTo(p[i], within(1e-9 * Math.abs(p[i]) + 1e-9));
        }
    }
}
