package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import org.junit.jupiter.api.Test;

/**
 * {@link BallisticPropagator#impactSensitivity}: the adjoint's sensitivities of the impact point
 * against central finite differences of flown impacts.
 */
class ImpactSensitivityTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.52, 34.55, 0);
    private static final GeodeticPoint AIM = GeodeticPoint.ofDegrees(31.525, 34.5975, 0);
    private static final ThreatType QASSAM = new ThreatType("qassam", 45, 0.0227, 0.35, 495, Math.toRadians(5), 0.05,
            1_000, 0.0);
    private static final ThreatType GRAD = new ThreatType("grad-122", 45.5, 0.0117, 0.3, 690, Math.toRadians(5), 0.05,
            1_000, 0.0);

    private final LocalFrame plane = new LocalFrame(WGS84, ORIGIN);
    private final double[] east = new double[3];
    private final double[] north = new double[3];

    ImpactSensitivityTest() {
        plane.rotateToEcef(1, 0, 0, east);
        plane.rotateToEcef(0, 1, 0, north);
    }

    @Test
    void agreesWithFiniteDifferencesAlongRocketFlights() {
        // At every stage of a Qassam's and a Grad's flight (from 45 km and 15 km), for a low and a
        // high ballistic coefficient and for no drag, each of the 14 sensitivities is within 0.3 % of
        // the largest of its row (the rows mix metres per metre, per m/s and per unit of ln beta, so
        // each column is scaled by a typical track uncertainty: 10 m, 3 m/s, 0.4) of the central
        // differences of impacts flown at the same step, 1 s and the simulation's 2 s (steps of
        // 1 m, 0.05 m/s, 0.01).
        for (double step : new double[] {1.0, 2.0}) {
            check(new BallisticPropagator(EarthModel.WGS84, step));
        }
    }

    private void check(BallisticPropagator propagator) {
        Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600);
        double[] scale = {10, 10, 10, 3, 3, 3, 0.4};
        double[] steps = {1, 1, 1, 0.05, 0.05, 0.05, 0.01};
        int checked = 0;
        for (ThreatType type : new ThreatType[] {QASSAM, GRAD}) {
            for (GeodeticPoint launch : new GeodeticPoint[] {GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                    GeodeticPoint.ofDegrees(31.50, 34.12, 0)}) {
                Trajectory truth;
                try {
                    truth = aiming.solve(type, 0, launch, AIM).trajectory();
                } catch (RuntimeException outOfRange) {
                    continue;
                }
                for (double beta : new double[] {3_000, 12_000, Double.POSITIVE_INFINITY}) {
                    for (double at = 1; at < truth.impactTime() - 2; at += Math.max(2, truth.impactTime() / 7)) {
                        double[] x = new double[6];
                        truth.stateAt(at, x);
                        Trajectory path = propagator.propagate(at, x, beta, 0.0, 600);
                        double[] s = new double[14];
                        propagator.impactSensitivity(path, beta, east, north, s);
                        double[] fd = finiteDifferences(propagator, at, x, beta, steps);
                        String where = type.name() + " from " + launch + " at " + at + " s, beta " + beta
                                + ", step " + propagator.step();
                        for (int row = 0; row < 2; row++) {
                            double largest = 0;
                            for (int j = 0; j < 7; j++) {
                                largest = Math.max(largest, Math.abs(fd[7 * row + j] * scale[j]));
                            }
                            for (int j = 0; j < 7; j++) {
                                double a = s[7 * row + j] * scale[j];
                                double f = fd[7 * row + j] * scale[j];
                                assertThat(a).as(where + ", row " + row + " column " + j)
                                        .isCloseTo(f, org.assertj.core.api.Assertions.within(0.003 * largest));
                            }
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void withoutDragTheBallisticCoefficientDoesNotMatter() {
        Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600);
        BallisticPropagator propagator = new BallisticPropagator(EarthModel.WGS84, 1.0);
        Trajectory truth = aiming.solve(QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0), AIM).trajectory();
        double[] x = new double[6];
        truth.stateAt(10, x);
        Trajectory path = propagator.propagate(10, x, Double.POSITIVE_INFINITY, 0.0, 600);
        double[] s = new double[14];
        propagator.impactSensitivity(path, Double.POSITIVE_INFINITY, east, north, s);
        assertThat(s[6]).isZero();
        assertThat(s[13]).isZero();
        // and a drag-free flight moves its impact east by about the flight time per m/s east
        assertThat(s[3] * east[0] + s[4] * east[1] + s[5] * east[2])
                .isBetween(0.9 * (path.impactTime() - 10), 1.1 * (path.impactTime() - 10));
    }

    @Test
    void aFlightStartingBelowTheGroundIsSensitiveOnlyToWhereItIs() {
        // A track that lags its rocket's impact reports a state just under the ground: the flight
        // ends where it starts (two nodes at the same time), and the impact moves with the position
        // alone, projected along the velocity onto the ground; no NaN from the empty step.
        BallisticPropagator propagator = new BallisticPropagator(EarthModel.WGS84, 1.0);
        double[] p = WGS84.toEcef(GeodeticPoint.ofDegrees(31.53, 34.60, -16));
        double[] v = new double[3];
        plane.rotateToEcef(150, 0, -200, v);
        double[] x = {p[0], p[1], p[2], v[0], v[1], v[2]};
        Trajectory path = propagator.propagate(50, x, 8_000, 0.0, 600);
        double[] s = new double[14];
        propagator.impactSensitivity(path, 8_000, east, north, s);
        for (double value : s) {
            assertThat(value).isFinite();
        }
        for (int j = 3; j < 7; j++) {
            assertThat(s[j]).isZero();
            assertThat(s[7 + j]).isZero();
        }
        // east: moving the state 1 m east moves the impact 1 m east; moving it 1 m up moves the
        // impact back along the fall by 150/200 m
        double[] up = new double[3];
        plane.rotateToEcef(0, 0, 1, up);
        assertThat(s[0] * east[0] + s[1] * east[1] + s[2] * east[2]).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(0.01));
        assertThat(s[0] * up[0] + s[1] * up[1] + s[2] * up[2]).isCloseTo(0.75,
                org.assertj.core.api.Assertions.within(0.01));
    }

    private double[] finiteDifferences(BallisticPropagator propagator, double t, double[] x, double beta,
            double[] steps) {
        double[] out = new double[14];
        double[] y = new double[6];
        double[] impact = new double[6];
        double[] enu = new double[3];
        for (int j = 0; j < 7; j++) {
            if (j == 6 && beta == Double.POSITIVE_INFINITY) {
                continue;
            }
            double[] plus = new double[2];
            double[] minus = new double[2];
            for (int side = 0; side < 2; side++) {
                double sign = side == 0 ? 1 : -1;
                System.arraycopy(x, 0, y, 0, 6);
                double b = beta;
                if (j < 6) {
                    y[j] += sign * steps[j];
                } else {
                    b = beta * Math.exp(sign * steps[j]);
                }
                propagator.impact(t, y, b, 0.0, 600, impact);
                plane.ecefToEnu(impact[0], impact[1], impact[2], enu);
                double[] target = side == 0 ? plus : minus;
                target[0] = enu[0];
                target[1] = enu[1];
            }
            out[j] = (plus[0] - minus[0]) / (2 * steps[j]);
            out[7 + j] = (plus[1] - minus[1]) / (2 * steps[j]);
        }
        return out;
    }
}
