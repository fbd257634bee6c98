package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.Hermite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The building blocks of the guided trajectories against exact answers: the Hermite cubic
 * reproduces cubic motion exactly; the node recorder's thinning keeps uniform circular motion
 * within its tolerance with few nodes; the apogee search finds the top of a parabola; the
 * surface distance matches the meridian arc and the equator.
 */
class DenseOutputTest {

    @Test
    void hermiteCubicReproducesCubicMotionExactly() {
        // x(t) = 1 + 2t − 3t² + 0.5t³ in every axis (scaled), over [2, 5]
        double[] a = state(2);
        double[] b = state(5);
        double[] out = new double[6];
        for (double t = 2; t <= 5; t += 0.25) {
            Hermite.interpolate(a, 0, b, 0, 3, (t - 2) / 3, out);
            double[] exact = state(t);
            for (int k = 0; k < 6; k++) {
                assertThat(out[k]).isCloseTo(exact[k], within(1e-9 * (1 + Math.abs(exact[k]))));
            }
        }
    }

    private static double[] state(double t) {
        double x = 1 + 2 * t - 3 * t * t + 0.5 * t * t * t;
        double v = 2 - 6 * t + 1.5 * t * t;
        return new double[] {x, 2 * x, -x, v, 2 * v, -v};
    }

    @Test
    void thinningKeepsCircularMotionWithinToleranceWithFewNodes() {
        // A 6 km circle at 250 m/s (a 1 g turn), offered at 0.1 s for 600 s: the interpolant
        // through the kept nodes must stay within the recorder's tolerance of the exact motion.
        double radius = 6_000;
        double w = 250 / radius;
        NodeRecorder recorder = new NodeRecorder(true);
        recorder.start(0, circle(0, radius, w));
        int steps = 6_000;
        for (int i = 1; i <= steps; i++) {
            recorder.add(i * 0.1, circle(i * 0.1, radius, w));
        }
        DenseStates dense = recorder.finish(600.05, circle(600.05, radius, w));
        double[] out = new double[6];
        double worstP = 0;
        double worstV = 0;
        for (double t = 0; t <= 600.05; t += 0.013) {
            dense.stateAt(t, out);
            double[] exact = circle(t, radius, w);
            worstP = Math.max(worstP, Math.hypot(out[0] - exact[0], out[1] - exact[1]));
            worstV = Math.max(worstV, Math.hypot(out[3] - exact[3], out[4] - exact[4]));
        }
        assertThat(worstP).isLessThan(NodeRecorder.POSITION_TOLERANCE_M * 1.5);
        assertThat(worstV).isLessThan(NodeRecorder.VELOCITY_TOLERANCE_MPS * 1.5);
        assertThat(dense.count()).isBetween(10, steps / 5);
        assertThat(dense.end()).isEqualTo(600.05);
    }

    private static double[] circle(double t, double r, double w) {
        double c = Math.cos(w * t);
        double s = Math.sin(w * t);
        return new double[] {r * c, r * s, 0, -r * w * s, r * w * c, 0};
    }

    @Test
    void apogeeOfAVerticalParabolaIsItsTop() {
        // straight up from the north pole at 1,000 m/s under 10 m/s²: top at 100 s, 50 km
        Ellipsoid sphere = Ellipsoid.sphere(6_371_000);
        NodeRecorder recorder = new NodeRecorder(false);
        recorder.start(0, vertical(0));
        for (int i = 1; i < 160; i++) {
            recorder.add(i * 1.3, vertical(i * 1.3));
        }
        DenseStates dense = recorder.finish(210, vertical(210));
        double[] apogee = GuidedTrajectory.apogee(dense, sphere);
        assertThat(apogee[0]).isCloseTo(100.0, within(1e-6));
        assertThat(apogee[1]).isCloseTo(50_000.0, within(1e-6));
        GuidedTrajectory t = new GuidedTrajectory(dense, new GeodeticPoint(Math.PI / 2, 0, 0), apogee,
                List.of(new FlightEvent(FlightEvent.Kind.LAUNCH, 0), new FlightEvent(FlightEvent.Kind.IMPACT, 210)));
        assertThat(t.flightTime()).isEqualTo(210.0);
        assertThat(t.eventTime(FlightEvent.Kind.DIVE)).isNaN();
        assertThat(t.eventTime(FlightEvent.Kind.IMPACT)).isEqualTo(210.0);
        assertThatThrownBy(() -> t.events().add(new FlightEvent(FlightEvent.Kind.DIVE, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static double[] vertical(double t) {
        return new double[] {0, 0, 6_371_000 + 1_000 * t - 5 * t * t, 0, 0, 1_000 - 10 * t};
    }

    @Test
    void surfaceDistanceMatchesTheMeridianArcAndTheEquator() {
        Ellipsoid e = Ellipsoid.WGS84;
        // meridian arc 30°–40° N: ∫ M dφ by Simpson's rule (an independent computation)
        double lo = Math.toRadians(30);
        double hi = Math.toRadians(40);
        int n = 1_000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = lo + (hi - lo) * i / n;
            double w = 1 - e.eccentricitySquared() * Math.sin(phi) * Math.sin(phi);
            double m = e.equatorialRadius() * (1 - e.eccentricitySquared()) / (w * Math.sqrt(w));
            sum += m * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        double arc = sum * (hi - lo) / n / 3;
        double d = Surface.distance(e, new GeodeticPoint(lo, 0.6, 0), new GeodeticPoint(hi, 0.6, 0));
        assertThat(d / arc - 1).as("relative error on a 1,100 km meridian arc").isCloseTo(0.0, within(2e-4));
        // the equator is a geodesic of length a·Δλ
        double eq = Surface.distance(e, new GeodeticPoint(0, 0.1, 0), new GeodeticPoint(0, 0.3, 0));
        assertThat(eq).isCloseTo(e.equatorialRadius() * 0.2, within(1e-6));
    }
}
