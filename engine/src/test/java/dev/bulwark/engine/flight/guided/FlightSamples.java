package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.FlightPath;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Reads a flight path the way an observer would: heights, local velocities, headings and the
 * distance to a point, each from the dense output at a time, with nothing taken from the
 * flier's internals.
 */
final class FlightSamples {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;

    private FlightSamples() {
    }

    /** Height above the ellipsoid (m) at time t. */
    static double height(FlightPath path, double t) {
        double[] y = new double[6];
        path.stateAt(t, y);
        return WGS84.height(y[0], y[1], y[2]);
    }

    /** East, north, up velocity (m/s) at time t, in the local frame under the vehicle. */
    static double[] enuVelocity(FlightPath path, double t) {
        double[] y = new double[6];
        path.stateAt(t, y);
        GeodeticPoint at = WGS84.toGeodetic(y[0], y[1], y[2]);
        double[] v = new double[3];
        new LocalFrame(WGS84, at).rotateToEnu(y[3], y[4], y[5], v);
        return v;
    }

    /** Speed (m/s) at time t. */
    static double speed(FlightPath path, double t) {
        double[] y = new double[6];
        path.stateAt(t, y);
        return Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
    }

    /** Heading of the horizontal velocity (rad, clockwise from north) at time t. */
    static double heading(FlightPath path, double t) {
        double[] v = enuVelocity(path, t);
        return Math.atan2(v[0], v[1]);
    }

    /** Flight-path angle (rad, positive up) at time t. */
    static double flightPathAngle(FlightPath path, double t) {
        double[] v = enuVelocity(path, t);
        return Math.atan2(v[2], Math.hypot(v[0], v[1]));
    }

    /** Horizontal distance (m) from a point to the vehicle at time t, in the point's local frame. */
    static double horizontalDistance(FlightPath path, double t, GeodeticPoint point) {
        double[] y = new double[6];
        path.stateAt(t, y);
        double[] e = new double[3];
        new LocalFrame(WGS84, point).ecefToEnu(y[0], y[1], y[2], e);
        return Math.hypot(e[0], e[1]);
    }

    /** Straight-line distance (m) between two geodetic points. */
    static double distance(GeodeticPoint a, GeodeticPoint b) {
        double[] p = WGS84.toEcef(a);
        double[] q = WGS84.toEcef(b);
        return Math.sqrt(sq(p[0] - q[0]) + sq(p[1] - q[1]) + sq(p[2] - q[2]));
    }

    static double sq(double x) {
        return x * x;
    }
}
