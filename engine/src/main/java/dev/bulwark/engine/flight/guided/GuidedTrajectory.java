package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;

/**
 * A guided or powered flight from launch to ground impact in the Earth-centred, Earth-fixed
 * frame (WGS84), with dense output and the flight's events.
 *
 * <p>The state at any time comes from the piecewise cubic Hermite interpolant through stored
 * nodes (positions in m, velocities in m/s, ECEF). The nodes are a thinned subset of the
 * fixed integration steps: a step is dropped when the interpolant reproduces it within 5 cm
 * and 1 cm/s, so steady flight is stored sparsely while turns, dives and boost keep every step
 * they need. The apogee is the highest of the node heights and of the heights where the
 * interpolant's radial velocity r·v changes sign from positive to negative (found by root
 * finding, not on a grid).
 *
 * <p>Immutable and thread-safe. Built by {@link WaypointFlier} and {@link BallisticMissileFlier}.
 */
public final class GuidedTrajectory implements FlightPath {

    private final DenseStates dense;
    private final GeodeticPoint impactPoint;
    private final double apogeeTime;
    private final double apogeeAltitude;
    private final List<FlightEvent> events;

    GuidedTrajectory(DenseStates dense, GeodeticPoint impactPoint, double[] apogee, List<FlightEvent> events) {
        this.dense = dense;
        this.impactPoint = impactPoint;
        this.apogeeTime = apogee[0];
        this.apogeeAltitude = apogee[1];
        this.events = List.copyOf(events);
    }

    @Override
    public double startTime() {
        return dense.start();
    }

    @Override
    public double impactTime() {
        return dense.end();
    }

    @Override
    public GeodeticPoint impactPoint() {
        return impactPoint;
    }

    /** Greatest height above the ellipsoid reached (m), found by root finding on the radial velocity. */
    @Override
    public double apogeeAltitude() {
        return apogeeAltitude;
    }

    /** Time at which {@link #apogeeAltitude()} is reached (s). */
    @Override
    public double apogeeTime() {
        return apogeeTime;
    }

    @Override
    public void stateAt(double t, double[] out) {
        dense.stateAt(t, out);
    }

    /** The flight's events in time order, from {@link FlightEvent.Kind#LAUNCH} to {@link FlightEvent.Kind#IMPACT}. */
    public List<FlightEvent> events() {
        return events;
    }

    /** Time of the first event of a kind (s), or NaN if the flight has none. */
    public double eventTime(FlightEvent.Kind kind) {
        for (FlightEvent e : events) {
            if (e.kind() == kind) {
                return e.time();
            }
        }
        return Double.NaN;
    }

    /** Number of stored nodes of the dense output (a measure of its memory: 56 bytes each). */
    public int nodeCount() {
        return dense.count();
    }

    /**
     * Apogee of a dense trajectory: the highest node, refined wherever the radial velocity r·v
     * of the interpolant crosses zero downwards.
     *
     * @return {time (s), height above the ellipsoid (m)}
     */
    static double[] apogee(DenseStates dense, Ellipsoid ellipsoid) {
        double[] y = new double[6];
        double bestTime = dense.start();
        double best = Double.NEGATIVE_INFINITY;
        dense.node(0, y);
        double prevRadial = radial(y);
        for (int i = 0; i < dense.count(); i++) {
            dense.node(i, y);
            double h = ellipsoid.height(y[0], y[1], y[2]);
            if (h > best) {
                best = h;
                bestTime = dense.time(i);
            }
            double radial = radial(y);
            if (i > 0 && prevRadial > 0 && radial <= 0) {
                int segment = i - 1;
                double[] s = new double[6];
                UnivariateFunction rv = t -> {
                    dense.stateInSegment(segment, t, s);
                    return radial(s);
                };
                double tr = Roots.solve(rv, dense.time(segment), dense.time(i), 1e-6);
                dense.stateInSegment(segment, tr, s);
                double hr = ellipsoid.height(s[0], s[1], s[2]);
                if (hr > best) {
                    best = hr;
                    bestTime = tr;
                }
            }
            prevRadial = radial;
        }
        return new double[] {bestTime, best};
    }

    private static double radial(double[] y) {
        return y[0] * y[3] + y[1] * y[4] + y[2] * y[5];
    }
}
