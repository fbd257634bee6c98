package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.flight.Intervals;
import dev.bulwark.engine.flight.interceptor.EngagementEnvelope;
import dev.bulwark.engine.flight.interceptor.InterceptorPerformance;
import dev.bulwark.engine.flight.interceptor.PredictedIntercept;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * An interceptor battery in action: its launchers' ready rounds, reloads from its reserve,
 * and what it can reach.
 *
 * <p>Intercept planning uses the interceptor's flight model through its precomputed tables
 * ({@link PredictedIntercept}): the earliest time t on the predicted path that is inside the
 * computed engagement envelope and at which launch delay plus the tabulated time of flight
 * equals the time to go, found by root finding. The intercept point must also satisfy the
 * battery's doctrine limits ({@link BatterySpec}); if the earliest one does not, there is no
 * plan this cycle. See {@link BatterySpec} for what the kill model neglects.
 *
 * <p>Mutable; owned by the simulation.
 */
public final class Battery {

    /** Check step of {@link #spellsInside} (s): spells shorter than this may be missed. */
    public static final double ENVELOPE_CHECK_STEP_S = 0.5;

    private final BatterySpec spec;
    private final int index;
    private final PredictedIntercept intercept;
    private final EngagementEnvelope envelope;
    private final LocalFrame frame;
    private final Ellipsoid ellipsoid;
    private final double[] enu = new double[3];
    private final double[] state = new double[6];
    private final int[] rounds;
    private final double[] reloadDue;
    private int reserve;
    private int fired;

    /**
     * @param spec      parameters
     * @param index     index in the scenario
     * @param ellipsoid Earth shape
     */
    public Battery(BatterySpec spec, int index, Ellipsoid ellipsoid) {
        this.spec = spec;
        this.index = index;
        this.ellipsoid = ellipsoid;
        InterceptorPerformance performance = InterceptorPerformance.of(spec.interceptor());
        this.intercept = new PredictedIntercept(performance, ellipsoid, spec.site(), spec.launchDelayS());
        this.envelope = performance.envelope();
        this.frame = new LocalFrame(ellipsoid, spec.site());
        this.rounds = new int[spec.launchers()];
        java.util.Arrays.fill(rounds, spec.roundsPerLauncher());
        this.reloadDue = new double[spec.launchers()];
        java.util.Arrays.fill(reloadDue, Double.NaN);
        this.reserve = spec.reserveRounds();
    }

    /** Parameters. */
    public BatterySpec spec() {
        return spec;
    }

    /** Index in the scenario. */
    public int index() {
        return index;
    }

    /** Rounds ready on the launchers. */
    public int ready() {
        int n = 0;
        for (int r : rounds) {
            n += r;
        }
        return n;
    }

    /** Rounds held for reloads. */
    public int reserve() {
        return reserve;
    }

    /** Rounds on the launchers and in the reserve. */
    public int stock() {
        return ready() + reserve;
    }

    /**
     * Stock as a share of the battery's initial stock (launchers full plus reserve): what a
     * doctrine that saves interceptors as they run low looks at. May exceed 1 after deliveries.
     */
    public double stockFraction() {
        int initial = spec.readyRounds() + spec.reserveRounds();
        return stock() / (double) initial;
    }

    /**
     * Takes a delivery into the reserve and starts reloading every empty launcher that is not
     * already reloading.
     *
     * @param rounds rounds delivered
     * @param now    time (s)
     * @return the times the reloads started now will complete (s), possibly none
     */
    public double[] deliver(int rounds, double now) {
        if (rounds < 0) {
            throw new IllegalArgumentException("a delivery cannot take rounds away");
        }
        reserve += rounds;
        double[] due = new double[this.rounds.length];
        int n = 0;
        for (int i = 0; i < this.rounds.length; i++) {
            if (this.rounds[i] == 0 && Double.isNaN(reloadDue[i]) && reserve > 0) {
                reloadDue[i] = now + spec.reloadTimeS();
                due[n++] = reloadDue[i];
            }
        }
        return java.util.Arrays.copyOf(due, n);
    }

    /** Interceptors fired so far. */
    public int fired() {
        return fired;
    }

    /**
     * Plans an intercept of a predicted path, ignoring stock.
     *
     * @param path the predicted path of the threat
     * @param now  decision time (s)
     * @return the earliest feasible intercept, or null if none before impact
     */
    public InterceptPlan plan(FlightPath path, double now) {
        PredictedIntercept.Solution s = intercept.solve(path, now);
        if (s == null) {
            return null;
        }
        double[] p = s.point();
        double altitude = ellipsoid.height(p[0], p[1], p[2]);
        if (s.groundRangeM() < spec.minRangeM() || s.groundRangeM() > spec.maxRangeM()
                || altitude < spec.minAltitudeM() || altitude > spec.maxAltitudeM()) {
            return null;
        }
        return new InterceptPlan(index, s.launchTime(), s.interceptTime(), p, s.groundRangeM(), altitude);
    }

    /**
     * Whether a point is inside the battery's engagement envelope (computed from the interceptor's
     * fly-out model) and its doctrine limits on range and altitude: where an intercept could take
     * place, whatever the time of flight to get there.
     *
     * @param x ECEF position (m)
     */
    public boolean covers(double[] x) {
        frame.ecefToEnu(x[0], x[1], x[2], enu);
        double range = Math.hypot(enu[0], enu[1]);
        double altitude = ellipsoid.height(x[0], x[1], x[2]);
        return envelope.contains(range, altitude - spec.site().altitude())
                && range >= spec.minRangeM() && range <= spec.maxRangeM()
                && altitude >= spec.minAltitudeM() && altitude <= spec.maxAltitudeM();
    }

    /**
     * The spells in which a flight is inside the battery's envelope and doctrine limits
     * ({@link #covers}), their ends found by root finding (bisection to 1 ms after a 0.5 s check
     * step; see {@link Intervals}).
     *
     * @param path the flight
     * @return {enter, leave, enter, leave...} times (s)
     */
    public double[] spellsInside(FlightPath path) {
        return Intervals.where(t -> {
            path.stateAt(t, state);
            return covers(state);
        }, path.startTime(), path.impactTime(), ENVELOPE_CHECK_STEP_S, 1e-3);
    }

    /**
     * Fires one interceptor from the fullest launcher.
     *
     * @param now time (s)
     * @return the time a reload of the emptied launcher completes, NaN if none started
     * @throws IllegalStateException if no round is ready
     */
    public double fire(double now) {
        int best = -1;
        for (int i = 0; i < rounds.length; i++) {
            if (rounds[i] > 0 && (best < 0 || rounds[i] > rounds[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("battery " + spec.name() + " has no ready round");
        }
        rounds[best]--;
        fired++;
        if (rounds[best] == 0 && reserve > 0 && Double.isNaN(reloadDue[best])) {
            reloadDue[best] = now + spec.reloadTimeS();
            return reloadDue[best];
        }
        return Double.NaN;
    }

    /** Completes the reloads due by time t (s); returns whether any completed. */
    public boolean completeReloads(double t) {
        boolean any = false;
        for (int i = 0; i < rounds.length; i++) {
            if (!Double.isNaN(reloadDue[i]) && reloadDue[i] <= t) {
                int load = Math.min(spec.roundsPerLauncher() - rounds[i], reserve);
                rounds[i] += load;
                reserve -= load;
                reloadDue[i] = Double.NaN;
                any = true;
            }
        }
        return any;
    }
}
