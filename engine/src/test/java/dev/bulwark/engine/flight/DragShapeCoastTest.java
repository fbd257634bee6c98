package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import org.junit.jupiter.api.Test;

/**
 * Coasting flight with a drag shape ({@link BallisticPropagator#propagate(double, double[], double,
 * DragTable, double, double, boolean)}) and its impact sensitivity: against the truth flight of a
 * rocket with that drag table (the reference: the same equations flown as the round itself), and
 * against central finite differences of flown impacts.
 */
class DragShapeCoastTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint LAUNCH = GeodeticPoint.ofDegrees(31.50, 34.45, 0);
    private static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.50, 34.55, 0);
    private static final ThreatType ROCKET = BallisticPropagatorTest.boostedRocket(20_914);
    /** The rocket's table divided by its first coefficient, and the ballistic coefficient there. */
    private static final DragTable SHAPE = shape(ROCKET.drag());
    private static final double BETA0 = ROCKET.massKg() / (ROCKET.drag().cdAt(0) * ROCKET.referenceAreaM2());

    private final LocalFrame plane = new LocalFrame(WGS84, ORIGIN);
    private final double[] east = new double[3];
    private final double[] north = new double[3];

    DragShapeCoastTest() {
        plane.rotateToEcef(1, 0, 0, east);
        plane.rotateToEcef(0, 1, 0, north);
    }

    static DragTable shape(DragTable d) {
        double[] m = new double[d.size()];
        double[] c = new double[d.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = d.mach(i);
            c[i] = d.cdAt(i) / d.cdAt(0);
        }
        return DragTable.of(m, c);
    }

    private Trajectory truth(double elevationDeg) {
        double[] dir = BallisticPropagatorTest.launchState(WGS84, LAUNCH, 80, elevationDeg, 1.0);
        return new BallisticPropagator(EarthModel.WGS84, 0.1).launch(ROCKET, 0, new double[] {dir[0], dir[1], dir[2]},
                new double[] {dir[3], dir[4], dir[5]}, 0, 600);
    }

    @Test
    void theShapeAndTheBallisticCoefficientAtItsFirstMachNumberFlyTheRocketsOwnFlight() {
        // From any state after burn-out, the coast with the rocket's normalised table and β at Mach 0
        // lands where the rocket lands: within 5 cm at the same 0.1 s step (same equations, the only
        // difference the grid of steps), within 2 m at the simulation's 2 s prediction step. With one
        // β instead, even the best constant one (the table's value at the flight's mean Mach number),
        // the impact is hundreds of metres off: what the shape is for.
        for (double elevation : new double[] {15, 35, 50}) {
            Trajectory t = truth(elevation);
            double[] impact = WGS84.toEcef(t.impactPoint());
            for (double at = 3; at < t.impactTime() - 3; at += 6) {
                double[] x = new double[6];
                t.stateAt(at, x);
                for (double step : new double[] {0.1, 2.0}) {
                    Trajectory p = new BallisticPropagator(EarthModel.WGS84, step).propagate(at, x, BETA0, SHAPE, 0,
                            600, true);
                    double miss = distance(WGS84.toEcef(p.impactPoint()), impact);
                    assertThat(miss).as("%s deg, from %s s, step %s", elevation, at, step)
                            .isLessThan(step < 1 ? 0.05 : 2.0);
                    assertThat(p.impactTime()).isCloseTo(t.impactTime(), within(step < 1 ? 1e-3 : 0.01));
                }
            }
            double[] x = new double[6];
            t.stateAt(3, x);
            double worstConstant = Double.POSITIVE_INFINITY;
            for (double cd : new double[] {0.32, 0.41, 0.48}) {
                Trajectory c = new BallisticPropagator(EarthModel.WGS84, 0.1).propagate(3, x,
                        ROCKET.massKg() / (cd * ROCKET.referenceAreaM2()), 0, 600, true);
                worstConstant = Math.min(worstConstant, distance(WGS84.toEcef(c.impactPoint()), impact));
            }
            assertThat(worstConstant).as("best constant coefficient, %s deg", elevation).isGreaterThan(100);
        }
    }

    @Test
    void theSensitivityWithAShapeAgreesWithFiniteDifferences() {
        // As ImpactSensitivityTest for a constant coefficient: along three flights that cross the
        // transonic rise, each of the 14 sensitivities against central differences (1 m, 0.05 m/s,
        // 0.002 in ln β) of impacts flown at 0.05 s (the continuous flight: the difference quotients of
        // a 1-2 s flight pick up its step's truncation error where a step straddles one of the table's
        // corners), columns scaled by 10 m, 3 m/s and 0.4, relative to the largest of the row: at the
        // simulation's 2 s step and at 1 s, within 0.5 % for the state and 1 % for ln β (measured 0.16 %
        // and 0.74 %: the ln β integral is a quadrature of an integrand with corners, over 2 s
        // stretches); at 0.25 s, within 0.3 % for all (measured 0.16 %), so the gap closes with the step.
        double[] scale = {10, 10, 10, 3, 3, 3, 0.4};
        double[] steps = {1, 1, 1, 0.05, 0.05, 0.05, 0.002};
        int checked = 0;
        BallisticPropagator fine = new BallisticPropagator(EarthModel.WGS84, 0.05);
        for (double step : new double[] {0.25, 1.0, 2.0}) {
            BallisticPropagator propagator = new BallisticPropagator(EarthModel.WGS84, step);
            for (double elevation : new double[] {15, 35, 50}) {
                Trajectory t = truth(elevation);
                for (double at = 3; at < t.impactTime() - 2; at += Math.max(2, t.impactTime() / 6)) {
                    double[] x = new double[6];
                    t.stateAt(at, x);
                    Trajectory path = propagator.propagate(at, x, BETA0, SHAPE, 0, 600, true);
                    double[] s = new double[14];
                    propagator.impactSensitivity(path, BETA0, SHAPE, east, north, s);
                    double[] fd = new double[14];
                    for (int j = 0; j < 7; j++) {
                        double[] plus = impact(fine, at, x, j, steps[j]);
                        double[] minus = impact(fine, at, x, j, -steps[j]);
                        fd[j] = (plus[0] - minus[0]) / (2 * steps[j]);
                        fd[7 + j] = (plus[1] - minus[1]) / (2 * steps[j]);
                    }
                    for (int row = 0; row < 2; row++) {
                        double largest = 0;
                        for (int j = 0; j < 7; j++) {
                            largest = Math.max(largest, Math.abs(fd[7 * row + j] * scale[j]));
                        }
                        for (int j = 0; j < 7; j++) {
                            double tolerance = step < 0.5 ? 0.003 : j < 6 ? 0.005 : 0.01;
                            assertThat(s[7 * row + j] * scale[j])
                                    .as("%s deg at %s s, step %s, row %d column %d", elevation, at, step, row, j)
                                    .isCloseTo(fd[7 * row + j] * scale[j], within(tolerance * largest));
                        }
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aConstantShapeIsTheConstantCoefficient() {
        // a shape of 1 everywhere flies and differentiates exactly as no shape at all
        Trajectory t = truth(35);
        double[] x = new double[6];
        t.stateAt(5, x);
        BallisticPropagator p = new BallisticPropagator(EarthModel.WGS84, 2.0);
        Trajectory a = p.propagate(5, x, 9_000, 0, 600, false);
        double[] sa = new double[14];
        p.impactSensitivity(a, 9_000, east, north, sa);
        Trajectory b = p.propagate(5, x, 9_000, DragTable.of(new double[] {0, 1, 2}, new double[] {1, 1, 1}), 0, 600,
                false);
        double[] sb = new double[14];
        p.impactSensitivity(b, 9_000, DragTable.of(new double[] {0, 1, 2}, new double[] {1, 1, 1}), east, north, sb);
        assertThat(b.impactTime()).isEqualTo(a.impactTime());
        for (int i = 0; i < 14; i++) {
            assertThat(sb[i]).isCloseTo(sa[i], within(1e-9 * (1 + Math.abs(sa[i]))));
        }
    }

    /** East and north of the impact flown from x with component j (6: ln β) moved by d. */
    private double[] impact(BallisticPropagator p, double t, double[] x, int j, double d) {
        double[] y = x.clone();
        double beta = BETA0;
        if (j < 6) {
            y[j] += d;
        } else {
            beta *= Math.exp(d);
        }
        double[] e = WGS84.toEcef(p.propagate(t, y, beta, SHAPE, 0, 600, true).impactPoint());
        double[] enu = new double[3];
        plane.ecefToEnu(e[0], e[1], e[2], enu);
        return enu;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
