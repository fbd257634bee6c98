package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Contract tests for any {@link StateFilter}: run against an implementation by extending this
 * class and supplying {@link #newFilter} and {@link #predictionModel}. On a linear-Gaussian
 * problem every filter must give the {@link KalmanFilter}'s answer; on a nonlinear one
 * (spherical measurements) its covariance must stay symmetric positive definite, an update must
 * shrink it, the NIS must be the gating distance, and bad input must be refused with an
 * {@link IllegalArgumentException} that says what is wrong.
 */
abstract class StateFilterContract {

    static final LocalFrame SITE = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.45, 34.62, 0));
    /** Agreement with the Kalman filter, relative to the largest entry (as KalmanFilterTest). */
    static final double RELATIVE = 1e-9;

    /**
     * A new filter of 6 states (ECEF position, velocity) taking measurements of up to 4 values.
     *
     * @param model the motion model the filter is to fly (an IMM gives it to its modes)
     */
    abstract StateFilter newFilter(MotionModel model);

    /** The model to pass to {@link StateFilter#predict}: the model itself, or null for an IMM. */
    abstract MotionModel predictionModel(MotionModel model);

    private static double[] start() {
        double[] p = new double[3];
        SITE.enuToEcef(20_000, 15_000, 3_000, p);
        double[] v = new double[3];
        SITE.rotateToEcef(-150, 60, 5, v);
        return new double[] {p[0], p[1], p[2], v[0], v[1], v[2]};
    }

    private static double[] startCovariance() {
        double[] p = new double[36];
        double[] d = {400, 300, 500, 100, 80, 60};
        for (int i = 0; i < 6; i++) {
            p[i * 6 + i] = d[i];
        }
        p[1] = 50;
        p[6] = 50;
        p[3 * 6 + 4] = 10;
        p[4 * 6 + 3] = 10;
        return p;
    }

    @Test
    void aLinearGaussianProblemGivesTheKalmanFilterAnswer() {
        ConstantVelocity cv = new ConstantVelocity(3.0);
        double[] r = {400, 30, -10, 30, 900, 5, -10, 5, 250};
        PositionMeasurement meas = new PositionMeasurement(r);
        StateFilter f = newFilter(cv);
        KalmanFilter kf = new KalmanFilter(6, 3);
        f.initialise(start(), startCovariance());
        kf.initialise(start(), startCovariance());
        double[] fm = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        RandomStream rnd = new RandomStream(11);
        for (int step = 0; step < 20; step++) {
            double dt = 0.5 + step % 3;
            cv.transition(kf.state(), dt, fm, b, q);
            kf.predict(fm, b, q);
            f.predict(predictionModel(cv), dt);
            assertStateClose(f.state(), kf.state(), "predicted x at step " + step);
            assertClose(f.covariance(), kf.covariance(), "predicted P at step " + step);
            double[] z = {kf.state()[0] + 20 * rnd.nextGaussian(), kf.state()[1] + 30 * rnd.nextGaussian(),
                kf.state()[2] + 15 * rnd.nextGaussian()};
            double expected = kf.update(z, ConvertedPosition.H, r, 3);
            double nis = f.update(meas, z);
            assertThat(nis).as("NIS at step %d", step).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            double logLik = -0.5 * (expected + kf.innovationLogDeterminant() + 3 * Math.log(2 * Math.PI));
            assertThat(f.logLikelihood()).as("ln likelihood at step %d", step).isCloseTo(logLik, within(1e-9));
            assertStateClose(f.state(), kf.state(), "updated x at step " + step);
            assertClose(f.covariance(), kf.covariance(), "updated P at step " + step);
        }
    }

    @Test
    void withSphericalMeasurementsTheCovarianceStaysSymmetricPositiveDefiniteAndUpdatesShrinkIt() {
        ConstantVelocity cv = new ConstantVelocity(1.0);
        SphericalMeasurement meas = new SphericalMeasurement(SITE, 15, 0.002, 0.002, 1.0);
        StateFilter f = newFilter(cv);
        double[] truth = start();
        f.initialise(truth, startCovariance());
        RandomStream rnd = new RandomStream(5);
        double[] z = new double[4];
        double[] l = new double[36];
        for (int step = 0; step < 200; step++) {
            for (int i = 0; i < 3; i++) {
                truth[i] += truth[3 + i];
            }
            f.predict(predictionModel(cv), 1.0);
            double before = trace(f.covariance());
            meas.measure(truth, 6, z);
            z[0] += 15 * rnd.nextGaussian();
            z[1] += 0.002 * rnd.nextGaussian();
            z[2] += 0.002 * rnd.nextGaussian();
            z[3] += rnd.nextGaussian();
            double gate = f.mahalanobis(meas, z);
            double[] x = f.state().clone();
            assertThat(f.state()).as("mahalanobis leaves the state").containsExactly(x);
            double nis = f.update(meas, z);
            assertThat(nis).as("NIS is the gating distance at step %d", step).isCloseTo(gate,
                    within(1e-12 * Math.max(1, gate)));
            assertThat(trace(f.covariance())).as("trace after the update at step %d", step).isLessThan(before);
            double[] p = f.covariance();
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(p[i * 6 + j]).as("step %d P[%d][%d]", step, i, j).isEqualTo(p[j * 6 + i]);
                }
            }
            assertThat(Filters.cholesky(p, 6, l)).as("P positive definite at step %d", step).isTrue();
        }
        // still on the target: every coordinate within 5 of its own standard deviations
        for (int i = 0; i < 6; i++) {
            assertThat(f.state()[i]).as("x[%d]", i).isCloseTo(truth[i],
                    within(5 * Math.sqrt(f.covariance()[i * 6 + i])));
        }
    }

    @Test
    void aMeasurementThatIsNotFiniteIsRefusedAndChangesNothing() {
        ConstantVelocity cv = new ConstantVelocity(1.0);
        StateFilter f = newFilter(cv);
        f.initialise(start(), startCovariance());
        f.predict(predictionModel(cv), 1.0);
        double[] x = f.state().clone();
        double[] p = f.covariance().clone();
        SphericalMeasurement meas = new SphericalMeasurement(SITE, 15, 0.002, 0.002);
        double[] z = {30_000, Double.NaN, 0.1};
        assertThat(f.mahalanobis(meas, z)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.update(meas, z)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.logLikelihood()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.state()).containsExactly(x);
        assertThat(f.covariance()).containsExactly(p);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        ConstantVelocity cv = new ConstantVelocity(1.0);
        StateFilter f = newFilter(cv);
        assertThat(f.dimension()).isEqualTo(6);
        assertThatThrownBy(() -> f.initialise(new double[5], startCovariance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
        double[] asymmetric = startCovariance();
        asymmetric[1] = 60;
        assertThatThrownBy(() -> f.initialise(start(), asymmetric))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        double[] nan = start();
        nan[2] = Double.NaN;
        assertThatThrownBy(() -> f.initialise(nan, startCovariance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        f.initialise(start(), startCovariance());
        assertThatThrownBy(() -> f.predict(new CoordinatedTurn(1, 1e-6), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> f.predict(predictionModel(cv), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        SphericalMeasurement meas = new SphericalMeasurement(SITE, 15, 0.002, 0.002);
        assertThatThrownBy(() -> f.update(meas, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
        assertThatThrownBy(() -> f.update(new NineStates(), new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot measure");
        assertThatThrownBy(() -> f.update(null, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measurement model");
        assertThat(f.state()).containsExactly(start());
    }

    /** A measurement model of states of 9 entries or more. */
    private static final class NineStates implements MeasurementModel {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public boolean accepts(int stateDimension) {
            return stateDimension >= 9;
        }

        @Override
        public void measure(double[] x, int n, double[] out) {
            throw new AssertionError("not to be called");
        }

        @Override
        public void jacobian(double[] x, int n, double[] out) {
            throw new AssertionError("not to be called");
        }

        @Override
        public void noise(double[] out) {
            throw new AssertionError("not to be called");
        }
    }

    private static double trace(double[] p) {
        double t = 0;
        for (int i = 0; i < 6; i++) {
            t += p[i * 6 + i];
        }
        return t;
    }

    /** States to 10⁻¹² relative plus 1 µm (µm/s): ECEF positions are 6·10⁶ m. */
    private static void assertStateClose(double[] actual, double[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i],
                    within(1e-12 * Math.abs(expected[i]) + 1e-6));
        }
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        double scale = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(RELATIVE * scale));
        }
    }
}
