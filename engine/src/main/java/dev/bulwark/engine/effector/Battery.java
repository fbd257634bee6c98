package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * An interceptor battery in action: its launchers' ready rounds, reloads from its reserve,
 * and the geometry of what it can reach.
 *
 * <p>Intercept planning: the interceptor leaves after the launch delay and flies straight
 * at its mean speed; the intercept time is the earliest t on the predicted path at which
 * the path is inside the envelope (ground range and height from the battery) and the
 * interceptor can have flown the distance, |p(t) − site| ≤ v·(t − t_launch). The first
 * grid time (0.25 s) at which both hold is refined to 1 ms by bisection on the same
 * predicate. See {@link BatterySpec} for what this neglects.
 *
 * <p>Mutable; owned by the simulation.
 */
public final class Battery {

    private static final double SEARCH_STEP = 0.25;

    private final BatterySpec spec;
    private final int index;
    private final LocalFrame frame;
    private final Ellipsoid ellipsoid;
    private final int[] rounds;
    private final double[] reloadDue;
    private int reserve;
    private int fired;
    private final double[] state = new double[6];
    private final double[] enu = new double[3];
    private final double[] geo = new double[3];

    /**
     * @param spec      parameters
     * @param index     index in the scenario
     * @param ellipsoid Earth shape
     */
    public Battery(BatterySpec spec, int index, Ellipsoid ellipsoid) {
        this.spec = spec;
        this.index = index;
        this.ellipsoid = ellipsoid;
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
    public InterceptPlan plan(Trajectory path, double now) {
        double launch = now + spec.launchDelayS();
        double end = path.impactTime();
        double prev = launch;
        for (double t = launch + SEARCH_STEP; t < end; t += SEARCH_STEP) {
            if (feasible(path, t, launch)) {
                double lo = prev;
                double hi = t;
                for (int it = 0; it < 20 && hi - lo > 1e-3; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (feasible(path, mid, launch)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                path.stateAt(hi, state);
                double[] point = {state[0], state[1], state[2]};
                frame.ecefToEnu(state[0], state[1], state[2], enu);
                ellipsoid.toGeodetic(state[0], state[1], state[2], geo);
                return new InterceptPlan(index, launch, hi, point, Math.hypot(enu[0], enu[1]), geo[2]);
            }
            prev = t;
        }
        return null;
    }

    private boolean feasible(Trajectory path, double t, double launch) {
        path.stateAt(t, state);
        frame.ecefToEnu(state[0], state[1], state[2], enu);
        double ground = Math.hypot(enu[0], enu[1]);
        if (ground < spec.minRangeM() || ground > spec.maxRangeM()) {
            return false;
        }
        ellipsoid.toGeodetic(state[0], state[1], state[2], geo);
        if (geo[2] < spec.minAltitudeM() || geo[2] > spec.maxAltitudeM()) {
            return false;
        }
        double slant = Math.sqrt(enu[0] * enu[0] + enu[1] * enu[1] + enu[2] * enu[2]);
        return slant <= spec.interceptorSpeedMps() * (t - launch);
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
