package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import org.junit.jupiter.api.Test;

/**
 * Validates {@link GravityConstantVelocity}: the white-noise-acceleration matrices, the
 * gravity, centrifugal and Coriolis input against analytic cases, and one-step predictions
 * against the vacuum flight model.
 */
class GravityConstantVelocityTest {

    private static final double MU = EarthModel.WGS84_MU;
    private static final double OMEGA = EarthModel.WGS84_ROTATION_RATE;

    @Test
    void transitionAndProcessNoiseAreTheContinuousWhiteNoiseAccelerationModel() {
        double q = 7.0;
        double dt = 2.0;
        GravityConstantVelocity model = new GravityConstantVelocity(q, MU, OMEGA);
        assertThat(model.dimension()).isEqualTo(6);
        double[] f = filled(36);
        double[] b = filled(6);
        double[] qm = filled(36);
        model.transition(new double[] {7e6, 0, 0, 0, 0, 0}, dt, f, b, qm);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double fe = i == j ? 1 : (j == i + 3 ? dt : 0);
                assertThat(f[i * 6 + j]).as("F[%d][%d]", i, j).isEqualTo(fe);
                double qe = 0;
                if (i % 3 == j % 3) {
                    int k = (i >= 3 ? 1 : 0) + (j >= 3 ? 1 : 0);
                    // Bar-Shalom et al. (2001) eq. 6.2.2-12: q·[dt³/3, dt²/2; dt²/2, dt]
                    qe = k == 0 ? q * 8 / 3 : k == 1 ? q * 2 : q * 2;
                }
                assertThat(qm[i * 6 + j]).as("Q[%d][%d]", i, j).isCloseTo(qe, within(1e-15 * q * 8));
            }
        }
    }

    @Test
    void aPointAtRestAtTheGeostationaryRadiusFeelsNoAcceleration() {
        // Point-mass gravity balances the centrifugal term at r³ = μ/ω² on the equatorial plane.
        double r = Math.cbrt(MU / (OMEGA * OMEGA));
        GravityConstantVelocity model = new GravityConstantVelocity(1, MU, OMEGA);
        double[] b = new double[6];
        for (double lon : new double[] {0, 1, 2.5, -2}) {
            model.transition(new double[] {r * Math.cos(lon), r * Math.sin(lon), 0, 0, 0, 0}, 1.0, new double[36], b,
                    new double[36]);
            for (double v : b) {
                // each term is 0.22 m/s²; they cancel to rounding
                assertThat(v).as("longitude %s", lon).isCloseTo(0, within(1e-14));
            }
        }
    }

    @Test
    void coriolisAndGravityTermsHaveTheirTextbookForm() {
        // At rest-balance position (geostationary radius) only the Coriolis term −2ω×v remains:
        // a = (2ω v_y, −2ω v_x, 0). Elsewhere (on the z axis, where centrifugal vanishes) only
        // gravity −μ/r² along the axis. b holds a·dt²/2 (position) and a·dt (velocity).
        double r = Math.cbrt(MU / (OMEGA * OMEGA));
        GravityConstantVelocity model = new GravityConstantVelocity(1, MU, OMEGA);
        double dt = 3.0;
        double[] b = new double[6];
        model.transition(new double[] {r, 0, 0, 100, -250, 40}, dt, new double[36], b, new double[36]);
        double[] a = {2 * OMEGA * -250, -2 * OMEGA * 100, 0};
        for (int i = 0; i < 3; i++) {
            assertThat(b[i]).isCloseTo(a[i] * dt * dt / 2, within(1e-12));
            assertThat(b[i + 3]).isCloseTo(a[i] * dt, within(1e-12));
        }
        double z = 6_400_000;
        model.transition(new double[] {0, 0, z, 0, 0, 0}, dt, new double[36], b, new double[36]);
        double g = MU / (z * z);
        assertThat(b[2]).isCloseTo(-g * dt * dt / 2, within(1e-12));
        assertThat(b[5]).isCloseTo(-g * dt, within(1e-12));
        assertThat(b[0]).isZero();
        assertThat(b[4]).isZero();
    }

    @Test
    void oneStepPredictionFollowsVacuumFlightWithoutJ2() {
        // Truth: the engine's RK4 flight model on WGS84 with point-mass gravity (J2 off, so the
        // models agree but for discretisation), 0.01 s steps. F x + b over dt = 1 s evaluates the
        // acceleration at the start of the step; the neglected jerk (gravity gradient × speed plus
        // Coriolis × acceleration, ≈ 4e-3 m/s³) leaves ~j dt³/6 ≈ 0.7 mm in position and ~j dt²/2
        // ≈ 2 mm/s in velocity. Measured worst over the flight: 0.28 mm and 0.83 mm/s. Bounds: 2 mm and
        // 5 mm/s (an error in a gravity or Coriolis term, ≥ 1e-2 m/s² at these speeds, gives ≥ 5 mm).
        EarthModel pointMass = new EarthModel(Ellipsoid.WGS84, MU, 0, OMEGA);
        Ellipsoid e = Ellipsoid.WGS84;
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.3, 34.35, 0);
        LocalFrame frame = new LocalFrame(e, launch);
        double[] pos = e.toEcef(launch);
        double[] vel = new double[3];
        double speed = 900;
        double elev = Math.toRadians(45);
        double az = Math.toRadians(40);
        frame.rotateToEcef(speed * Math.cos(elev) * Math.sin(az), speed * Math.cos(elev) * Math.cos(az),
                speed * Math.sin(elev), vel);
        Trajectory truth = new BallisticPropagator(pointMass, 0.01).propagate(0,
                new double[] {pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]}, Double.POSITIVE_INFINITY, 0, 1_000);
        GravityConstantVelocity model = new GravityConstantVelocity(1, MU, OMEGA);
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        double[] x = new double[6];
        double[] next = new double[6];
        double worstPosition = 0;
        double worstVelocity = 0;
        for (double t = 0; t + 1 < truth.impactTime(); t += 1) {
            truth.stateAt(t, x);
            truth.stateAt(t + 1, next);
            model.transition(x, 1.0, f, b, q);
            for (int i = 0; i < 6; i++) {
                double predicted = b[i];
                for (int j = 0; j < 6; j++) {
                    predicted += f[i * 6 + j] * x[j];
                }
                double err = Math.abs(predicted - next[i]);
                if (i < 3) {
                    worstPosition = Math.max(worstPosition, err);
                } else {
                    worstVelocity = Math.max(worstVelocity, err);
                }
            }
        }
        assertThat(truth.flightTime()).isGreaterThan(100);
        assertThat(worstPosition).as("worst position error per axis (m)").isLessThan(2e-3);
        assertThat(worstVelocity).as("worst velocity error per axis (m/s)").isLessThan(5e-3);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 99);
        return a;
    }
}
