package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.ReferenceData;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extended, unscented and IMM filters step by step against
 * {@code reference/track/filters-spherical.txt}, computed by an independent numpy script written
 * from the equations (embedded in the table's header): an EKF with constant velocity and a 4-D
 * spherical measurement (range, azimuth, elevation, radial speed), a UKF with the coordinated
 * turn, and an IMM of a straight and a turning mode, three steps each.
 *
 * <p>Tolerances: both sides work in binary64 over a few thousand operations, on ECEF positions
 * of 6·10⁶ m. States agree to 10⁻¹² relative plus 10⁻⁸ absolute (m, m/s, rad/s); covariances,
 * NIS, likelihoods and mode probabilities to 10⁻⁹ of the largest entry of their group. Measured:
 * everything agrees to 10⁻¹¹ of its group but the IMM's NIS at step 2 (between 10⁻¹¹ and 10⁻⁹:
 * the combined prediction subtracts nearly equal mode states). A wrong index or a missed term
 * shows at 10⁻³ or more.
 */
class FilterReferenceTest {

    private static final String TABLE = "/reference/track/filters-spherical.txt";
    private static final LocalFrame SITE = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.45, 34.62, 0));

    @Test
    void extendedKalmanFilterWithRadialSpeed() {
        replay(1, new ExtendedKalmanFilter(6, 4), new ConstantVelocity(2.0),
                new SphericalMeasurement(SITE, 15, 0.002, 0.003, 1.5));
    }

    @Test
    void unscentedKalmanFilterWithTheCoordinatedTurn() {
        replay(2, new UnscentedKalmanFilter(7, 3), new CoordinatedTurn(1.0, 1e-4),
                new SphericalMeasurement(SITE, 15, 0.002, 0.003));
    }

    @Test
    void interactingMultipleModelOfAStraightAndATurningMode() {
        ImmFilter imm = new ImmFilter(List.of(new ExtendedKalmanFilter(7, 3), new ExtendedKalmanFilter(7, 3)),
                List.of(new ZeroTurnRate(new ConstantVelocity(2.0), 1e-4), new CoordinatedTurn(2.0, 1e-4)),
                new double[] {0.95, 0.05, 0.1, 0.9}, new double[] {0.7, 0.3}, 3);
        replay(3, imm, null, new SphericalMeasurement(SITE, 15, 0.002, 0.003));
    }

    private static void replay(int filter, StateFilter f, MotionModel model, SphericalMeasurement meas) {
        List<ReferenceData.Row> rows = ReferenceData.load(TABLE).stream().filter(r -> r.get(0) == filter).toList();
        f.initialise(values(rows, 0, 0), values(rows, 0, 1));
        int steps = (int) rows.stream().mapToDouble(r -> r.get(1)).max().orElseThrow();
        assertThat(steps).isEqualTo(3);
        for (int k = 1; k <= steps; k++) {
            f.predict(model, values(rows, k, 9)[0]);
            String at = "filter " + filter + " step " + k;
            assertState(f.state(), values(rows, k, 3), at + " predicted x");
            assertGroup(f.covariance(), values(rows, k, 4), at + " predicted P");
            if (f instanceof ImmFilter imm) {
                assertGroup(probabilities(imm), values(rows, k, 11), at + " predicted mode probabilities");
            }
            double nis = f.update(meas, values(rows, k, 2));
            assertGroup(new double[] {nis}, values(rows, k, 5), at + " NIS");
            assertState(f.state(), values(rows, k, 6), at + " updated x");
            assertGroup(f.covariance(), values(rows, k, 7), at + " updated P");
            assertGroup(new double[] {f.logLikelihood()}, values(rows, k, 10), at + " ln likelihood");
            if (f instanceof ImmFilter imm) {
                assertGroup(probabilities(imm), values(rows, k, 8), at + " mode probabilities");
            }
        }
    }

    private static double[] probabilities(ImmFilter imm) {
        double[] p = new double[imm.modeCount()];
        for (int j = 0; j < p.length; j++) {
            p[j] = imm.modeProbability(j);
        }
        return p;
    }

    private static double[] values(List<ReferenceData.Row> rows, int step, int quantity) {
        List<Double> v = new ArrayList<>();
        for (ReferenceData.Row r : rows) {
            if (r.get(1) == step && r.get(2) == quantity) {
                assertThat((int) r.get(3)).as("index at %s", r).isEqualTo(v.size());
                v.add(r.get(4));
            }
        }
        assertThat(v).as("rows of quantity %d at step %d", quantity, step).isNotEmpty();
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertState(double[] actual, double[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i],
                    within(1e-12 * Math.abs(expected[i]) + 1e-8));
        }
    }

    private static void assertGroup(double[] actual, double[] expected, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(1e-9 * scale));
        }
    }
}
