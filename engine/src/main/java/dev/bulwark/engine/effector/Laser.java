package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;

/**
 * A high-power laser in action: one target at a time, then a slew to the next.
 *
 * <p>Planning ({@link #plan}): from the end of the slew, the first time the predicted path is
 * within reach (slant range, minimum altitude, greatest target speed), then the dwell is integrated along the path in
 * {@link #STEP_S} steps, Σ dt / t(R(t)) with the planning hardness times {@link #PLANNING_MARGIN}
 * ({@link LaserSpec#dwellS}), until it reaches 1; the plan is feasible only if the path stays within reach until then and
 * that happens before impact. The same integral along the true path, with the true hardness,
 * decides the outcome ({@link #energyFraction}).
 *
 * <p>Mutable; owned by the simulation.
 */
public final class Laser {

    /** Integration step of the dwell (s). */
    public static final double STEP_S = 0.1;
    /**
     * Planning margin on the energy: the dwell is planned to deliver this many times the energy
     * that defeats a target of the planning hardness, against the error of the track's prediction
     * (the true target may be a little farther or enter reach a little later) [notional].
     */
    public static final double PLANNING_MARGIN = 1.25;

    private final LaserSpec spec;
    private final int index;
    private final Ellipsoid ellipsoid;
    private final double[] site;
    private final double[] state = new double[6];
    private double busyUntil;
    private int shots;

    /**
     * @param spec      parameters
     * @param index     index in the scenario
     * @param ellipsoid Earth shape
     */
    public Laser(LaserSpec spec, int index, Ellipsoid ellipsoid) {
        this.spec = spec;
        this.index = index;
        this.ellipsoid = ellipsoid;
        this.site = ellipsoid.toEcef(spec.site());
    }

    /** Parameters. */
    public LaserSpec spec() {
        return spec;
    }

    /** Whether it is free to start a new engagement at a time (s). */
    public boolean free(double now) {
        return busyUntil <= now;
    }

    /** When its present engagement ends (s); free from then. */
    public double busyUntil() {
        return busyUntil;
    }

    /** Engagements so far. */
    public int shots() {
        return shots;
    }

    /**
     * The earliest engagement of a predicted path that delivers the planning energy before impact.
     *
     * @param path the predicted path
     * @param now  decision time (s)
     * @return the plan, or null if none (busy, never within reach, or not enough time)
     */
    public LaserPlan plan(FlightPath path, double now) {
        if (!free(now)) {
            return null;
        }
        double t = Math.max(now + spec.slewS(), path.startTime());
        double end = path.impactTime();
        while (t < end && !reaches(path, t)) {
            t += STEP_S;
        }
        if (t >= end) {
            return null;
        }
        double done = dwellEnd(path, t, spec.planningHardness() * PLANNING_MARGIN, end);
        return Double.isNaN(done) ? null : new LaserPlan(index, t, done);
    }

    /**
     * Time (s) at which a dwell started at {@code start} on a path delivers the energy that defeats
     * a target of a hardness, or NaN if the path leaves reach or ends first.
     */
    private double dwellEnd(FlightPath path, double start, double hardness, double end) {
        double fraction = 0;
        for (double t = start; t < end; t += STEP_S) {
            if (!reaches(path, t)) {
                return Double.NaN;
            }
            double need = spec.dwellS(range(path, t), hardness);
            double step = Math.min(STEP_S, end - t);
            if (fraction + step / need >= 1) {
                return t + (1 - fraction) * need;
            }
            fraction += step / need;
        }
        return Double.NaN;
    }

    /**
     * The share of the energy that defeats a target of a hardness delivered on a path between two
     * times (1 or more: defeated): from the first moment the path is within reach (a target still
     * short of it takes no energy) to the first moment it leaves reach (an interrupted dwell ends
     * there).
     */
    public double energyFraction(FlightPath path, double start, double end, double hardness) {
        double fraction = 0;
        boolean entered = false;
        for (double t = start; t < end - 1e-9; t += STEP_S) {
            if (!reaches(path, t)) {
                if (entered) {
                    return fraction;
                }
                continue;
            }
            entered = true;
            fraction += Math.min(STEP_S, end - t) / spec.dwellS(range(path, t), hardness);
        }
        return fraction;
    }

    /** Commits to a plan: busy until its end. */
    public void engage(LaserPlan plan) {
        busyUntil = plan.endTime();
        shots++;
    }

    /** Whether the path at time t is within slant range, above the minimum altitude and slow enough to track. */
    private boolean reaches(FlightPath path, double t) {
        path.stateAt(t, state);
        double speed2 = state[3] * state[3] + state[4] * state[4] + state[5] * state[5];
        return range(state) <= spec.maxRangeM()
                && ellipsoid.height(state[0], state[1], state[2]) >= spec.minAltitudeM()
                && speed2 <= spec.maxTargetSpeedMps() * spec.maxTargetSpeedMps();
    }

    private double range(FlightPath path, double t) {
        path.stateAt(t, state);
        return range(state);
    }

    private double range(double[] x) {
        double dx = x[0] - site[0];
        double dy = x[1] - site[1];
        double dz = x[2] - site[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
