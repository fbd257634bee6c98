package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;

/**
 * A close-in gun in action: one target at a time, one burst per engagement, a magazine that is
 * reloaded from the reserve when it runs dry.
 *
 * <p>Planning ({@link #plan}): the burst's middle meets the predicted path at an intercept time τ
 * at slant range R(τ); its first round leaves at τ − T(R(τ)) − burst/2 (T the time of flight,
 * {@link GunSpec#timeOfFlightS}) and its last at τ − T(R(τ)) + burst/2. A τ is feasible when the
 * path is then within range and above the minimum altitude, the first round leaves no earlier than
 * the decision plus the reaction time, and the burst's rounds all arrive before the predicted
 * impact (τ + burst/2 before it). Of the feasible τ, on a {@value #STEP_S} s grid, the plan takes
 * the earliest whose probability of kill is within {@value #PK_TOLERANCE} of the greatest (which is at
 * the closest approach within reach). The outcome is decided on the true path at τ (in the simulation), with the probability
 * of kill at the true range.
 *
 * <p>Mutable; owned by the simulation.
 */
public final class Gun {

    /** Step of the search for the intercept time (s). */
    public static final double STEP_S = 0.1;
    /**
     * The burst is the earliest whose probability of kill is within this of the best in the window:
     * a burst at the closest approach is barely surer [notional].
     */
    public static final double PK_TOLERANCE = 0.01;

    private final GunSpec spec;
    private final int index;
    private final Ellipsoid ellipsoid;
    private final double[] site;
    private final double[] state = new double[6];
    private double busyUntil = Double.NEGATIVE_INFINITY;
    private int ready;
    private int reserve;
    private double reloadDone = Double.NaN;
    private int bursts;
    private int roundsFired;
    private double lastRange = Double.NaN;
    private double[] taus = new double[64];
    private double[] ranges = new double[64];
    private double[] altitudes = new double[64];
    private double[] pks = new double[64];

    /**
     * @param spec      parameters
     * @param index     index in the scenario
     * @param ellipsoid Earth shape
     */
    public Gun(GunSpec spec, int index, Ellipsoid ellipsoid) {
        this.spec = spec;
        this.index = index;
        this.ellipsoid = ellipsoid;
        this.site = ellipsoid.toEcef(spec.site());
        this.ready = spec.magazineRounds();
        this.reserve = spec.reserveRounds();
    }

    /** Parameters. */
    public GunSpec spec() {
        return spec;
    }

    /** Index in the scenario. */
    public int index() {
        return index;
    }

    /** Rounds in the magazine at a time (s), counting a reload that has finished by then. */
    public int ready(double now) {
        return reloadDone <= now ? ready + Math.min(spec.magazineRounds() - ready, reserve) : ready;
    }

    /** Rounds held in reserve at a time (s), after a reload that has finished by then. */
    public int reserve(double now) {
        return reloadDone <= now ? reserve - Math.min(spec.magazineRounds() - ready, reserve) : reserve;
    }

    /** Whether it can start a new engagement at a time (s): not firing, and rounds in the magazine. */
    public boolean free(double now) {
        return busyUntil <= now && ready(now) > 0;
    }

    /** Bursts fired so far. */
    public int bursts() {
        return bursts;
    }

    /** Rounds fired so far. */
    public int roundsFired() {
        return roundsFired;
    }

    /**
     * The burst at a predicted path of greatest probability of kill.
     *
     * @param path the predicted path
     * @param now  decision time (s)
     * @return the plan, or null if none (busy, magazine empty, never within reach above the minimum
     *         altitude, or not before impact)
     */
    public GunPlan plan(FlightPath path, double now) {
        if (!free(now)) {
            return null;
        }
        int rounds = Math.min(spec.roundsPerBurst(), ready(now));
        double earliest = now + spec.reactionS();
        double half = 0.5 * spec.burstS();
        double end = path.impactTime() - half;
        // the feasible burst times, then the earliest within PK_TOLERANCE of the best
        int n = 0;
        double bestPk = -1;
        for (double tau = Math.max(path.startTime(), earliest + half); tau <= end; ) {
            path.stateAt(tau, state);
            double range = range(state);
            double beyond = range - spec.maxRangeM();
            if (beyond > 0) {
                // out of range: skip ahead by the time the threat needs to close that gap at twice
                // its present speed plus 100 m/s (it cannot get within range sooner)
                double speed = Math.sqrt(state[3] * state[3] + state[4] * state[4] + state[5] * state[5]);
                tau += Math.max(STEP_S, beyond / (2 * speed + 100));
                continue;
            }
            double altitude = ellipsoid.height(state[0], state[1], state[2]);
            double fireStart = tau - spec.timeOfFlightS(range) - half;
            if (altitude >= spec.minAltitudeM() && fireStart >= earliest && slowEnough(state)) {
                if (n == taus.length) {
                    taus = java.util.Arrays.copyOf(taus, 2 * n);
                    ranges = java.util.Arrays.copyOf(ranges, 2 * n);
                    altitudes = java.util.Arrays.copyOf(altitudes, 2 * n);
                    pks = java.util.Arrays.copyOf(pks, 2 * n);
                }
                taus[n] = tau;
                ranges[n] = range;
                altitudes[n] = altitude;
                pks[n] = spec.probabilityOfKill(range, rounds);
                bestPk = Math.max(bestPk, pks[n]);
                n++;
            }
            tau += STEP_S;
        }
        for (int i = 0; i < n; i++) {
            if (pks[i] >= bestPk - PK_TOLERANCE) {
                double fireStart = taus[i] - spec.timeOfFlightS(ranges[i]) - half;
                return new GunPlan(index, fireStart, fireStart + spec.burstS(), taus[i], ranges[i], altitudes[i],
                        rounds, pks[i]);
            }
        }
        return null;
    }

    /**
     * Whether the true path at a time is within the gun's reach (range, minimum altitude, target
     * speed); its slant range (m) is then {@link #lastRangeM()}.
     */
    public boolean reaches(FlightPath path, double t) {
        path.stateAt(t, state);
        lastRange = range(state);
        return lastRange <= spec.maxRangeM() && ellipsoid.height(state[0], state[1], state[2]) >= spec.minAltitudeM()
                && slowEnough(state);
    }

    private boolean slowEnough(double[] x) {
        return x[3] * x[3] + x[4] * x[4] + x[5] * x[5] <= spec.maxTargetSpeedMps() * spec.maxTargetSpeedMps();
    }

    /** Slant range found by the last {@link #reaches} (m). */
    public double lastRangeM() {
        return lastRange;
    }

    /**
     * Commits to a plan: the rounds leave the magazine, the gun is busy until the burst ends, and an
     * emptied magazine is reloaded from the reserve, ready {@link GunSpec#reloadS} after that.
     */
    public void engage(GunPlan plan) {
        settle(plan.fireStart());
        ready -= plan.rounds();
        busyUntil = plan.fireEnd();
        bursts++;
        roundsFired += plan.rounds();
        if (ready == 0 && reserve > 0) {
            reloadDone = plan.fireEnd() + spec.reloadS();
        }
    }

    /** Completes a reload due by a time. */
    private void settle(double now) {
        if (reloadDone <= now) {
            int n = Math.min(spec.magazineRounds() - ready, reserve);
            ready += n;
            reserve -= n;
            reloadDone = Double.NaN;
        }
    }

    private double range(double[] x) {
        double dx = x[0] - site[0];
        double dy = x[1] - site[1];
        double dz = x[2] - site[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
