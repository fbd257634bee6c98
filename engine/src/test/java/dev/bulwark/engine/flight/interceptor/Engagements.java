package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/** Shared geometry of the interceptor tests: a battery near Gaza and 122 mm rockets fired at it. */
final class Engagements {

    /** The battery, at sea level. */
    static final GeodeticPoint BATTERY = GeodeticPoint.ofDegrees(31.40, 34.45, 0);
    static final LocalFrame BATTERY_FRAME = new LocalFrame(Ellipsoid.WGS84, BATTERY);

    /**
     * A 122 mm rocket with a constant drag coefficient and an instantaneous boost, as in the engine's
     * BallisticPropagatorTest: 45.5 kg, 0.0117 m², C_D 0.3, 690 m/s (reach ~20 km, the Grad's public
     * figure in shared/reference/PUBLIC-FIGURES.md). No dispersion: the rocket lands on its aim point.
     */
    static final ThreatType GRAD = new ThreatType("grad-122", 45.5, 0.0117, 0.3, 690, Math.toRadians(5), 0.05, 1_000,
            0.0);

    private Engagements() {
    }

    /**
     * A rocket fired at t = 100 s from (east, north) metres of the battery onto (east, north) metres
     * of it, both on the ground, flown by the engine's own aiming and propagator.
     */
    static Trajectory rocket(double launchEast, double launchNorth, double aimEast, double aimNorth) {
        Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600);
        GeodeticPoint launch = ground(launchEast, launchNorth);
        GeodeticPoint aim = ground(aimEast, aimNorth);
        return aiming.solve(GRAD, 100, launch, aim).trajectory();
    }

    /** The ground point at (east, north) metres of the battery. */
    static GeodeticPoint ground(double east, double north) {
        double[] p = new double[3];
        BATTERY_FRAME.enuToEcef(east, north, 0, p);
        return Ellipsoid.WGS84.toGeodetic(p).withAltitude(0);
    }

    /** ECEF point at ground range (m) along an azimuth (rad) from the battery and a height (m) above it. */
    static double[] at(double groundRange, double azimuth, double height) {
        double[] p = new double[3];
        InterceptorPerformance.pointAt(Ellipsoid.WGS84, BATTERY_FRAME, groundRange, azimuth, height, p);
        return p;
    }

    static double norm(double[] v, int offset) {
        return Math.sqrt(v[offset] * v[offset] + v[offset + 1] * v[offset + 1] + v[offset + 2] * v[offset + 2]);
    }
}
