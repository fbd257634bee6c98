package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * A flown trajectory in the Earth-centred, Earth-fixed frame, from launch to ground impact,
 * with dense output: the state at any time between the integrator's steps comes from the
 * cubic Hermite interpolant through the neighbouring positions and velocities, so sensors
 * read truth cheaply without integrating again.
 *
 * <p>Immutable once built by {@link BallisticPropagator}, apart from its apogee, searched on first
 * demand and kept, and a lookup hint: the segment
 * {@link #stateAt} found last, tried first on the next call (sensors, guidance and the simulation
 * read a path at slowly advancing times). A hint that does not hold the time is ignored, so the
 * answer is the binary search's whatever the hint, and a stale hint read by another thread
 * costs only the search.
 */
public final class Trajectory implements FlightPath {

    /** Relative margin of {@link #speedBoundMps()} over the greatest node speed. */
    static final double SPEED_BOUND_FACTOR = 1.1;
    /** Absolute margin of {@link #speedBoundMps()} (m/s). */
    static final double SPEED_BOUND_MARGIN_MPS = 50.0;

    private final double[] times;
    private final double[] states; // 6 per sample: x, y, z, vx, vy, vz (m, m/s)
    private final int count;
    private final double impactTime;
    private final GeodeticPoint impactPoint;
    private final BallisticPropagator.ApogeeSearch apogeeSearch;
    private final int apogeeIndex;
    private final double apogeeRadial;
    // {time, height} of the apogee, found on first demand (impact predictions never ask)
    private volatile double[] apogee;
    private final double speedBound;
    /** The segment found by the last {@link #stateAt}: a hint only (see the class comment). */
    private int hint;

    Trajectory(double[] times, double[] states, int count, double impactTime, GeodeticPoint impactPoint,
            BallisticPropagator.ApogeeSearch apogeeSearch, int apogeeIndex, double apogeeRadial) {
        this.times = times;
        this.states = states;
        this.count = count;
        this.impactTime = impactTime;
        this.impactPoint = impactPoint;
        this.apogeeSearch = apogeeSearch;
        this.apogeeIndex = apogeeIndex;
        this.apogeeRadial = apogeeRadial;
        double v2 = 0;
        for (int i = 0; i < count; i++) {
            int o = 6 * i + 3;
            v2 = Math.max(v2, states[o] * states[o] + states[o + 1] * states[o + 1] + states[o + 2] * states[o + 2]);
        }
        this.speedBound = SPEED_BOUND_FACTOR * Math.sqrt(v2) + SPEED_BOUND_MARGIN_MPS;
    }

    /** Number of recorded nodes (the last is the impact state); for the propagator's linearisation. */
    int nodeCount() {
        return count;
    }

    /** Node times (s), {@link #nodeCount()} of them used; not to be modified. */
    double[] nodeTimes() {
        return times;
    }

    /** Node states, 6 per node (ECEF m, m/s), {@link #nodeCount()} of them used; not to be modified. */
    double[] nodeStates() {
        return states;
    }

    /**
     * The greatest node speed times {@value #SPEED_BOUND_FACTOR} plus {@value #SPEED_BOUND_MARGIN_MPS} m/s:
     * within a step the speed departs from its values at the ends by at most the acceleration
     * times the step (a few tens of m/s for the 2 s coasting steps of prediction, less for the
     * truth's 0.2 s and 0.05 s boost steps), and the cubic interpolant follows the flight to
     * O(h⁴) (tested in TrajectoryTest against the interpolant sampled finely).
     */
    @Override
    public double speedBoundMps() {
        return speedBound;
    }

    /** Launch time (s). */
    @Override
    public double startTime() {
        return times[0];
    }

    /** Time of ground impact (s); the end of the trajectory. */
    @Override
    public double impactTime() {
        return impactTime;
    }

    /** Where the trajectory meets the ground. */
    @Override
    public GeodeticPoint impactPoint() {
        return impactPoint;
    }

    /**
     * Greatest height above the ellipsoid reached (m): the highest integration step, refined by
     * root finding on the dense output where the radial velocity changes sign.
     */
    @Override
    public double apogeeAltitude() {
        return apogee()[1];
    }

    /** Time at which {@link #apogeeAltitude()} is reached (s). */
    @Override
    public double apogeeTime() {
        return apogee()[0];
    }

    // The apogee, searched once (two threads may both search; they find the same values)
    private double[] apogee() {
        double[] a = apogee;
        if (a == null) {
            a = apogeeSearch.find(times, states, count, apogeeIndex, apogeeRadial);
            apogee = a;
        }
        return a;
    }

    /** Time of flight (s). */
    @Override
    public double flightTime() {
        return impactTime - times[0];
    }

    /** Whether the trajectory is defined at time t (s). */
    @Override
    public boolean covers(double t) {
        return t >= times[0] && t <= impactTime;
    }

    /**
     * The ECEF state at time t (s), clamped to [start, impact]: position (m) into
     * {@code out[0..2]}, velocity (m/s) into {@code out[3..5]}.
     */
    @Override
    public void stateAt(double t, double[] out) {
        double tc = Math.min(Math.max(t, times[0]), impactTime);
        int i = segment(tc);
        int j = i + 1;
        double t0 = times[i];
        double h = times[j] - t0;
        Hermite.interpolate(states, 6 * i, states, 6 * j, h, (tc - t0) / h, out);
    }

    /**
     * {@link Hermite#segment} of tc (the last node at or before tc, never the final node): the
     * hint's segment or the next one if either holds tc, else the binary search.
     */
    private int segment(double tc) {
        int last = count - 2;
        int i = hint;
        if (times[i] <= tc) {
            if (i == last || tc < times[i + 1]) {
                return i;
            }
            if (i + 1 == last || (i + 1 < last && tc < times[i + 2])) {
                hint = i + 1;
                return i + 1;
            }
        }
        i = Hermite.segment(times, count, tc);
        hint = i;
        return i;
    }
}
