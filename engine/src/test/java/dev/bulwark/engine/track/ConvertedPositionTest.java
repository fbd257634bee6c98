package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sim.RandomStream;
import java.util.Arrays;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates {@link ConvertedPosition}: the converted point is the plot's position, its
 * covariance has the analytic eigenvalues and the finite-difference Jacobian, and it matches
 * the scatter of converted noisy plots.
 */
class ConvertedPositionTest {

    private static final LocalFrame SITE = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.45, 34.62, 60));
    private static final double SIGMA_R = 15;
    private static final double SIGMA_AZ = 0.002;
    private static final double SIGMA_EL = 0.003;

    private static Plot plot(double range, double az, double el) {
        return new Plot(0, 0, SITE, range, az, el, SIGMA_R, SIGMA_AZ, SIGMA_EL);
    }

    /**
     * R as a matrix, after checking it symmetric to rounding. (ConvertedPosition forms R[i][j] and
     * R[j][i] with the factors multiplied in different orders, so the two can differ in the last
     * bit; Hipparchus' decompositions demand exact symmetry, hence the mirror of the lower triangle.)
     */
    private static RealMatrix symmetric3(double[] a) {
        double largest = Arrays.stream(a).map(Math::abs).max().orElseThrow();
        RealMatrix m = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(a[j * 3 + i]).as("R[%d][%d] against R[%d][%d]", j, i, i, j)
                        .isCloseTo(a[i * 3 + j], within(1e-15 * largest));
                m.setEntry(i, j, a[i * 3 + j]);
                m.setEntry(j, i, a[i * 3 + j]);
            }
        }
        return m;
    }

    @ParameterizedTest(name = "range {0} m, azimuth {1} rad, elevation {2} rad")
    @CsvSource({"60000, 1.0, 0.087", "20000, 4.0, 1.05", "5000, 0.0, 0.01", "95000, 5.9, 0.5"})
    void covarianceIsTheJacobianTransformOfThePlotNoise(double range, double az, double el) {
        ConvertedPosition converter = new ConvertedPosition();
        converter.convert(plot(range, az, el));
        double[] expected = new double[3];
        SITE.raeToEcef(range, az, el, expected);
        assertThat(converter.z()).containsExactly(expected);

        // The Jacobian's ENU columns are orthogonal with lengths 1, r cos el and r, and the rotation
        // to ECEF keeps that: R's eigenvalues are exactly σ_r², (r cos el σ_az)², (r σ_el)².
        // Agreement to 1e-9 of the largest (rounding only).
        double[] eig = new EigenDecompositionSymmetric(symmetric3(converter.r())).getEigenvalues().clone();
        double[] analytic = {SIGMA_R * SIGMA_R, Math.pow(range * Math.cos(el) * SIGMA_AZ, 2),
            Math.pow(range * SIGMA_EL, 2)};
        Arrays.sort(eig);
        Arrays.sort(analytic);
        for (int i = 0; i < 3; i++) {
            assertThat(eig[i]).isCloseTo(analytic[i], within(1e-9 * analytic[2]));
        }

        // Independently, J by central differences of the frame's own conversion: steps of 1 m and
        // 1 µrad give truncation ~1e-12 and rounding ~1e-9 m / 2e-6 ≈ 5e-4 m per unit, so J is good
        // to ~1e-7 relative and R to ~1e-6 of its largest entry.
        double[][] jac = new double[3][3];
        double[] steps = {1.0, 1e-6, 1e-6};
        double[] plus = new double[3];
        double[] minus = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] hi = {range, az, el};
            double[] lo = {range, az, el};
            hi[c] += steps[c];
            lo[c] -= steps[c];
            SITE.raeToEcef(hi[0], hi[1], hi[2], plus);
            SITE.raeToEcef(lo[0], lo[1], lo[2], minus);
            for (int i = 0; i < 3; i++) {
                jac[i][c] = (plus[i] - minus[i]) / (2 * steps[c]);
            }
        }
        double[] var = {SIGMA_R * SIGMA_R, SIGMA_AZ * SIGMA_AZ, SIGMA_EL * SIGMA_EL};
        double largest = analytic[2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double acc = 0;
                for (int k = 0; k < 3; k++) {
                    acc += jac[i][k] * var[k] * jac[j][k];
                }
                assertThat(converter.r()[i * 3 + j]).as("R[%d][%d]", i, j).isCloseTo(acc, within(1e-6 * largest));
            }
        }
    }

    @ParameterizedTest(name = "range {0} m, azimuth {1} rad, elevation {2} rad")
    @CsvSource({"60000, 1.0, 0.087", "20000, 4.0, 1.05", "3000, 2.5, 0.3"})
    void covarianceMatchesTheScatterOfConvertedNoisyPlots(double range, double az, double el) {
        // 10⁴ noisy plots of one point, each converted to ECEF. Whitened by the converted
        // covariance R = L Lᵀ (evaluated at the true plot), the sample covariance must be the
        // identity within 5%: the sampling error of a whitened variance is √(2/n) = 1.4%, of a
        // whitened covariance 1%, so 5% is 3.5 and 5 standard errors. The linearisation error
        // (relative size r σ²/σ ≈ 1e-3 here) is far below. The whitened mean is within 0.05 too
        // (sampling error 0.01; the conversion bias is r σ²/2 ≈ 0.4 m, 0.026 of σ_r, at 60 km).
        ConvertedPosition converter = new ConvertedPosition();
        converter.convert(plot(range, az, el));
        RealMatrix l = new CholeskyDecomposition(symmetric3(converter.r())).getL();
        RealMatrix lInv = MatrixUtils.inverse(l);
        double[] truth = converter.z().clone();
        int n = 10_000;
        RandomStream rnd = new RandomStream(0xC0FFEE + (long) range);
        double[][] samples = new double[n][3];
        double[] mean = new double[3];
        double[] p = new double[3];
        for (int s = 0; s < n; s++) {
            SITE.raeToEcef(range + SIGMA_R * rnd.nextGaussian(), az + SIGMA_AZ * rnd.nextGaussian(),
                    el + SIGMA_EL * rnd.nextGaussian(), p);
            double[] w = lInv.operate(new double[] {p[0] - truth[0], p[1] - truth[1], p[2] - truth[2]});
            samples[s] = w;
            for (int i = 0; i < 3; i++) {
                mean[i] += w[i] / n;
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(mean[i]).as("whitened mean %d", i).isCloseTo(0, within(0.05));
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (double[] w : samples) {
                    acc += (w[i] - mean[i]) * (w[j] - mean[j]);
                }
                assertThat(acc / (n - 1)).as("whitened covariance [%d][%d]", i, j)
                        .isCloseTo(i == j ? 1 : 0, within(0.05));
            }
        }
    }
}
