package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * The predicted path of a powered threat held on its course: constant velocity in the
 * Earth-centred, Earth-fixed frame from a track's state until it arrives over what it threatens.
 * Over the tens of kilometres of a prediction a straight line in ECEF climbs above a level
 * course by d²/2R (80 m at 30 km), less than the height changes of the vehicles it stands for.
 */
final class StraightCourse implements FlightPath {

    private final double start;
    private final double end;
    private final double[] x0;
    private final GeodeticPoint endPoint;
    private final double top;
    private final double topTime;

    /**
     * @param start     time of the state (s)
     * @param end       end of the prediction (s)
     * @param state     ECEF position (m) and velocity (m/s) at {@code start}
     * @param endPoint  the ground point reported as the path's end
     * @param ellipsoid the Earth's shape, for the heights of the ends
     */
    StraightCourse(double start, double end, double[] state, GeodeticPoint endPoint, Ellipsoid ellipsoid) {
        this.start = start;
        this.end = end;
        this.x0 = state.clone();
        this.endPoint = endPoint;
        double h0 = ellipsoid.height(x0[0], x0[1], x0[2]);
        double dt = end - start;
        double h1 = ellipsoid.height(x0[0] + x0[3] * dt, x0[1] + x0[4] * dt, x0[2] + x0[5] * dt);
        this.top = Math.max(h0, h1);
        this.topTime = h1 > h0 ? end : start;
    }

    @Override
    public double startTime() {
        return start;
    }

    @Override
    public double impactTime() {
        return end;
    }

    @Override
    public GeodeticPoint impactPoint() {
        return endPoint;
    }

    /** The higher of the two ends (m): a straight line has no interior maximum of height worth the name here. */
    @Override
    public double apogeeAltitude() {
        return top;
    }

    @Override
    public double apogeeTime() {
        return topTime;
    }

    @Override
    public void stateAt(double t, double[] out) {
        double dt = Math.min(Math.max(t, start), end) - start;
        out[0] = x0[0] + x0[3] * dt;
        out[1] = x0[1] + x0[4] * dt;
        out[2] = x0[2] + x0[5] * dt;
        out[3] = x0[3];
        out[4] = x0[4];
        out[5] = x0[5];
    }
}
