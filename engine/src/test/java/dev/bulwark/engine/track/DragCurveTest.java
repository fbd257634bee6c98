package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Motor;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import org.junit.jupiter.api.Test;

/**
 * {@link DragCurve} and the ballistic motion models that follow it: the curve against its table by
 * hand; the models' flight against the truth flight of a rocket with that table (the flight
 * models' own integration, the reference); their transition matrix against central differences of
 * their flight.
 */
class DragCurveTest {

    private static final EarthModel EARTH = EarthModel.WGS84;
    /** The catalogue's generic rocket curve (grad-122, scenario catalogue threat-types.yaml). */
    private static final double[] MACH = {0.0, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0};
    private static final double[] CD = {0.32, 0.32, 0.33, 0.38, 0.49, 0.54, 0.53, 0.48, 0.41, 0.36, 0.32, 0.28};
    private static final DragCurve CURVE = DragCurve.of(MACH, CD);
    private static final ThreatType ROCKET = new ThreatType("grad-like", 45.5, 0.0117, DragTable.of(MACH, CD),
            new Motor(1.9, 20_914, 20.5, 3.0), Math.toRadians(5), Math.toRadians(70), ThreatType.AngleOfFire.LOW,
            0.05, 1_000, 0.01);
    /** γ at the curve's first Mach number: C_D(0) A / m. */
    private static final double GAMMA = 0.32 * 0.0117 / 45.5;

    @Test
    void theCurveIsTheTableOverItsFirstCoefficient() {
        assertThat(CURVE.at(0)).isEqualTo(1.0);
        assertThat(CURVE.at(0.3)).isEqualTo(1.0);
        // halfway between Mach 0.9 (0.38) and 1.0 (0.49): 0.435 / 0.32
        assertThat(CURVE.at(0.95)).isCloseTo(0.435 / 0.32, within(1e-12));
        assertThat(CURVE.at(1.1)).isCloseTo(0.54 / 0.32, within(1e-12));
        // flat beyond the ends
        assertThat(CURVE.at(6)).isCloseTo(0.28 / 0.32, within(1e-12));
        assertThat(CURVE.at(-1)).isEqualTo(1.0);
        // the segment's slope: (0.49 − 0.38) / 0.1 / 0.32; the upper segment at a point; 0 outside
        assertThat(CURVE.slope(0.95)).isCloseTo(1.1 / 0.32, within(1e-9));
        assertThat(CURVE.slope(1.0)).isCloseTo(0.5 / 0.32, within(1e-9));
        assertThat(CURVE.slope(4.5)).isZero();
        assertThat(CURVE.slope(0.3)).isZero();
        assertThat(CURVE.mach()).containsExactly(MACH);
        assertThat(CURVE.relative()[5]).isCloseTo(0.54 / 0.32, within(1e-15));
        assertThat(CURVE).isEqualTo(DragCurve.of(MACH, CD)).hasSameHashCodeAs(DragCurve.of(MACH, CD));
        assertThatThrownBy(() -> DragCurve.of(new double[] {0, 1}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DragCurve.of(new double[] {1, 0.5}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEstimatedDragModelWithTheCurveFliesTheRocketsOwnFlight() {
        // From states of a rocket's true flight after burn-out (its table, Mach 2 down through the
        // transonic rise), the model with the curve and the true γ at Mach 0 flies 10 s to within
        // 0.5 m and 0.05 m/s of the truth (the two integrations differ in step, and in the height the
        // air is read at: geodetic here, the flight model's radial one, within a metre); with a drag
        // coefficient constant with speed, even at the flight's middle value, it is tens of metres off.
        Trajectory truth = truth(40);
        BallisticEstimatedDrag curved = new BallisticEstimatedDrag(1, 0, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84,
                EARTH.rotationRate(), StandardAtmosphere::density, CURVE, StandardAtmosphere::speedOfSound);
        BallisticEstimatedDrag flat = new BallisticEstimatedDrag(1, 0, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84,
                EARTH.rotationRate(), StandardAtmosphere::density);
        int checked = 0;
        for (double at = 3; at + 10 < truth.impactTime(); at += 5) {
            double[] x = new double[7];
            truth.stateAt(at, x);
            double[] end = new double[6];
            truth.stateAt(at + 10, end);
            x[6] = GAMMA;
            double[] out = new double[7];
            curved.propagate(x, 10, out);
            assertThat(distance(out, end, 0)).as("position from %s s", at).isLessThan(0.5);
            assertThat(distance(out, end, 3)).as("velocity from %s s", at).isLessThan(0.05);
            assertThat(out[6]).isEqualTo(GAMMA);
            double best = Double.POSITIVE_INFINITY;
            for (double cd : new double[] {0.32, 0.41, 0.48}) {
                x[6] = cd * 0.0117 / 45.5;
                flat.propagate(x, 10, out);
                best = Math.min(best, distance(out, end, 0));
            }
            if (at < 25) {
                assertThat(best).as("best constant coefficient from %s s", at).isGreaterThan(10);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(4);
    }

    @Test
    void theTransitionMatrixWithTheCurveIsTheFlightsDerivative() {
        // F = ∂x(t + dt)/∂x(t) of the 7-state model with the curve, against central differences of
        // its flight (1 m, 0.01 m/s, 1 % of γ), at states through the transonic rise: every entry
        // within 1e-3 of the largest of its row after scaling each column by 10 m, 3 m/s and 10 % of
        // γ; the same with the assumed-β model (6 states).
        Trajectory truth = truth(40);
        BallisticEstimatedDrag model = new BallisticEstimatedDrag(1, 0, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84,
                EARTH.rotationRate(), StandardAtmosphere::density, CURVE, StandardAtmosphere::speedOfSound);
        BallisticDrag assumed = new BallisticDrag(1, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84, EARTH.rotationRate(),
                1 / GAMMA, 0.5, StandardAtmosphere::density, CURVE, StandardAtmosphere::speedOfSound);
        double[] scale = {10, 10, 10, 3, 3, 3, 0.1 * GAMMA};
        int checked = 0;
        for (double at = 3; at + 2 < truth.impactTime(); at += 4) {
            double[] x = new double[7];
            truth.stateAt(at, x);
            x[6] = GAMMA;
            checkTransition(model, x, 1.0, scale);
            checkTransition(assumed, java.util.Arrays.copyOf(x, 6), 1.0, scale);
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static void checkTransition(MotionModel m, double[] x, double dt, double[] scale) {
        int n = m.dimension();
        double[] f = new double[n * n];
        double[] b = new double[n];
        double[] q = new double[n * n];
        m.transition(x, dt, f, b, q);
        double[] fd = new double[n * n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++) {
            double h = j < 3 ? 1 : j < 6 ? 0.01 : 0.01 * x[6];
            double[] y = x.clone();
            y[j] += h;
            m.propagate(y, dt, plus);
            y[j] -= 2 * h;
            m.propagate(y, dt, minus);
            for (int i = 0; i < n; i++) {
                fd[i * n + j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            double largest = 0;
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(fd[i * n + j] * scale[j]));
            }
            for (int j = 0; j < n; j++) {
                assertThat(f[i * n + j] * scale[j]).as("F[%d][%d], %d states", i, j, n)
                        .isCloseTo(fd[i * n + j] * scale[j], within(1e-3 * largest));
            }
        }
        // and F x + b is the flown state
        double[] flown = new double[n];
        m.propagate(x, dt, flown);
        for (int i = 0; i < n; i++) {
            double fx = b[i];
            for (int j = 0; j < n; j++) {
                fx += f[i * n + j] * x[j];
            }
            assertThat(fx).isCloseTo(flown[i], within(1e-6 * (1 + Math.abs(flown[i]))));
        }
    }

    private static Trajectory truth(double elevationDeg) {
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.50, 34.45, 0);
        LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, launch);
        double el = Math.toRadians(elevationDeg);
        double az = Math.toRadians(80);
        double[] u = new double[3];
        frame.rotateToEcef(Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el), u);
        return new BallisticPropagator(EARTH, 0.1).launch(ROCKET, 0, Ellipsoid.WGS84.toEcef(launch), u, 0, 600);
    }

    private static double distance(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < from + 3; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
