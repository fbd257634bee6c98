package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.track.BallisticDrag;
import org.junit.jupiter.api.Test;

/**
 * The tracker's ballistic-with-drag motion model against the truth flight model: from a true
 * state, its prediction F x + b one second ahead lands where the flight model's trajectory is
 * (both fly the same equations: gravity with J2, the rotating frame, US76 density, drag with the
 * same ballistic coefficient), and its transition matrix matches the flown map's numerical
 * Jacobian. (Here rather than in the track package, which may not depend on the flight models.)
 */
class BallisticDragModelTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    /** A constant-drag rocket: β = 45 / (0.35 × 0.0227) ≈ 5,660 kg/m². */
    private static final ThreatType ROCKET = TinyWorlds.QASSAM;

    private static BallisticDrag model(double q, double betaSigma) {
        return new BallisticDrag(q, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84, EARTH.rotationRate(),
                ROCKET.ballisticCoefficient(), betaSigma, StandardAtmosphere::density);
    }

    @Test
    void predictionFollowsTheTruthFlightModel() {
        Trajectory truth = new Aiming(new BallisticPropagator(EARTH, 0.05), 600).solve(ROCKET, 0,
                GeodeticPoint.ofDegrees(31.535, 34.51, 0), GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();
        BallisticDrag model = model(1, 0.5);
        double[] x = new double[6];
        double[] next = new double[6];
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        for (double t = 3; t < truth.impactTime() - 2; t += 4) {
            truth.stateAt(t, x);
            truth.stateAt(t + 1, next);
            model.transition(x, 1.0, f, b, q);
            double err = 0;
            for (int i = 0; i < 3; i++) {
                double p = b[i];
                for (int j = 0; j < 6; j++) {
                    p += f[i * 6 + j] * x[j];
                }
                err += (p - next[i]) * (p - next[i]);
            }
            // the truth's density comes from the US76 table (25 m steps), the model's from the
            // exact formula: a few centimetres over a second
            assertThat(Math.sqrt(err)).as("position error after 1 s from t = %s", t).isLessThan(0.2);
        }
    }

    @Test
    void transitionMatrixIsTheJacobianOfTheFlownMap() {
        Trajectory truth = new Aiming(new BallisticPropagator(EARTH, 0.05), 600).solve(ROCKET, 0,
                GeodeticPoint.ofDegrees(31.535, 34.51, 0), GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();
        BallisticDrag model = model(1, 0.5);
        double[] x = new double[6];
        truth.stateAt(10, x);
        double dt = 0.5;
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        model.transition(x, dt, f, b, q);
        double[] fx = new double[6];
        double[] fu = new double[36];
        double[] bu = new double[6];
        for (int j = 0; j < 6; j++) {
            double h = j < 3 ? 1.0 : 0.01;
            double[] plus = flown(model, x, j, h, dt, fu, bu, q);
            double[] minus = flown(model, x, j, -h, dt, fu, bu, q);
            for (int i = 0; i < 6; i++) {
                fx[i] = (plus[i] - minus[i]) / (2 * h);
                // the second-order series with the Jacobian frozen at the start of the step, against
                // the exact map: agreement to 1e-3 (the drag's Jacobian changes along the step), far
                // below what matters to the filter's covariance
                assertThat(Math.abs(f[i * 6 + j] - fx[i])).as("F[%d][%d]", i, j).isLessThan(1e-3);
            }
        }
    }

    /** The flown state F x + b from x with component j moved by h. */
    private static double[] flown(BallisticDrag model, double[] x, int j, double h, double dt, double[] f, double[] b,
            double[] q) {
        double[] y = x.clone();
        y[j] += h;
        model.transition(y, dt, f, b, q);
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = b[i];
            for (int k = 0; k < 6; k++) {
                out[i] += f[i * 6 + k] * y[k];
            }
        }
        return out;
    }

    @Test
    void dragUncertaintyAddsNoiseAlongTheVelocityOnly() {
        BallisticDrag model = model(1e-9, 0.5);
        double[] x = new double[6];
        new Aiming(new BallisticPropagator(EARTH, 0.05), 600).solve(ROCKET, 0,
                GeodeticPoint.ofDegrees(31.535, 34.51, 0), GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory()
                .stateAt(8, x);
        double[] f = new double[36];
        double[] b = new double[6];
        double[] q = new double[36];
        model.transition(x, 1.0, f, b, q);
        double v = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
        // velocity noise along u: (0.5 × drag)² dt²; across it: nothing
        double drag = StandardAtmosphere.density(Ellipsoid.WGS84.height(x[0], x[1], x[2])) * v * v
                / (2 * ROCKET.ballisticCoefficient());
        double along = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                along += x[3 + i] / v * q[(3 + i) * 6 + 3 + j] * x[3 + j] / v;
            }
        }
        assertThat(along).isCloseTo(0.25 * drag * drag, org.assertj.core.api.Assertions.within(1e-6 * drag * drag));
        double[] across = {x[4], -x[3], 0};
        double na = Math.sqrt(across[0] * across[0] + across[1] * across[1]);
        double acrossVar = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                acrossVar += across[i] / na * q[(3 + i) * 6 + 3 + j] * across[j] / na;
            }
        }
        assertThat(acrossVar).isLessThan(1e-6);
    }
}
