package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Finds the predicted intercept point of a predicted threat path for one launcher: the
 * earliest time t on the path at which an interceptor launched after the launch delay
 * arrives, i.e. the earliest root of
 * <pre>
 *   g(t) = (t_now + launch delay) + TOF(ground range(t), height(t)) − t ≤ 0
 * </pre>
 * with the path's point inside the {@link EngagementEnvelope} and TOF from the
 * {@link TimeOfFlightTable}, and no later than the interceptor's self-destruct time after the
 * launch ({@link InterceptorType#maxFlightTimeS()}): where the path enters the envelope the
 * interceptor can be there early (g &lt; 0), but it cannot wait out there longer than it flies, so
 * an intercept whose time t lies more than that after the launch is none (a slow drone still
 * far outside the envelope: the battery holds and plans again later, when the launch can wait). Method: a coarse pass over the path at {@link #COARSE_STEP_S}
 * brackets the first time at which the condition holds; the bracket is then refined to
 * {@link #TOLERANCE_S} by a bracketed secant (Illinois) iteration on g when g is defined across
 * it, or by bisection on the condition when the bracket's start lies outside the envelope (the
 * earliest intercept is then where the path enters it). g decreases along an approaching
 * path (TOF changes by less than a second per second when the interceptor is faster than the
 * range closes), so the first root is the only one on that stretch.
 *
 * <p>Speed (the answers are those of the plain coarse pass, to the bit): a sample outside the
 * envelope's greatest ground range is rejected before its geodetic height is computed, and
 * while the path is farther from the launcher than anything inside the envelope
 * ({@link #reachM()}, a bound on the slant distance of any point inside it), the samples it
 * cannot leave that distance before are skipped unevaluated: at the path's
 * {@link FlightPath#speedBoundMps() speed bound} v, a sample d − reach metres out of reach
 * keeps the next (d − reach)/v seconds outside. The pass goes on at the first grid time after
 * the skipped stretch, the grid being start + k·{@value #COARSE_STEP_S} s (each time computed
 * from its index, so the plain pass and the skipping one sample the same times, to the bit), and
 * the bracket and the root are unchanged. Likewise, while the
 * interceptor cannot arrive in time: the table's time of flight anywhere at a ground range of at
 * least ρ is at least the least node value in the columns from ρ's outwards (bilinear
 * interpolation stays within its corners), and the ground range falls by at most v per second, so
 * from a sample at ground range ρ, g stays positive until launch + min TOF(ρ − v·τ) ≤ t + τ; the
 * samples before that are skipped (the last one before a sample with g ≤ 0 is evaluated again when
 * the bracket needs it, exactly as the plain pass had it).
 *
 * <p>Neglected: a window shorter than the coarse step can be stepped over (a path that grazes
 * the envelope for under {@value #COARSE_STEP_S} s); the table's own approximations (see
 * {@link TimeOfFlightTable}).
 *
 * <p>Ground range and height are measured from the launcher as in the tables. Immutable and
 * thread-safe: {@link #solve} keeps its scratch space in one small object of its own (and
 * allocates that and its result only), so the batteries of a battle-management cycle may plan
 * several threats at once.
 */
public final class PredictedIntercept {

    /** Step of the coarse pass along the path (s). */
    public static final double COARSE_STEP_S = 0.25;
    /** Accuracy of the intercept time (s). */
    public static final double TOLERANCE_S = 1e-3;

    /**
     * A predicted intercept.
     *
     * @param launchTime          when the interceptor leaves (s)
     * @param interceptTime       when it meets the predicted path (s)
     * @param point               ECEF intercept point on the predicted path (m); a copy
     * @param groundRangeM        ground range of the point from the launcher (m)
     * @param heightM             height of the point above the launcher (m)
     * @param timeOfFlightS       interceptor time of flight from the table (s)
     * @param arrivalSpeedMps     interceptor speed at the point, from the table (m/s)
     */
    public record Solution(double launchTime, double interceptTime, double[] point, double groundRangeM,
            double heightM, double timeOfFlightS, double arrivalSpeedMps) {
        public Solution {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }
    }

    private final TimeOfFlightTable table;
    private final EngagementEnvelope envelope;
    private final Ellipsoid ellipsoid;
    private final LocalFrame frame;
    private final double siteHeight;
    private final double launchDelay;
    private final double maxFlightTime;
    private final double maxRange;
    private final double reach;
    private final boolean plain;
    // minTof[i]: the least finite node time of flight in range columns i, i + 1, ... (any height)
    private final double[] minTof;
    private final double rangeStep;

    /** The scratch space of one {@link #solve}, and the results of its last evaluation of g. */
    private static final class Probe {
        final double[] state = new double[6];
        final double[] enu = new double[3];
        double distance;
        double groundRange;
        double range;
        double height;
        double tof;
    }

    /**
     * @param performance  the interceptor's tables
     * @param ellipsoid    the Earth's shape
     * @param site         the launcher
     * @param launchDelayS time from decision to launch (s)
     */
    public PredictedIntercept(InterceptorPerformance performance, Ellipsoid ellipsoid, GeodeticPoint site,
            double launchDelayS) {
        this(performance, ellipsoid, site, launchDelayS, false);
    }

    /**
     * As the public constructor; {@code plain} turns every skip off (the plain coarse pass, for
     * tests that check the skipping changes no answer).
     */
    PredictedIntercept(InterceptorPerformance performance, Ellipsoid ellipsoid, GeodeticPoint site,
            double launchDelayS, boolean plain) {
        if (!(launchDelayS >= 0)) {
            throw new IllegalArgumentException("launch delay must be at least 0");
        }
        this.table = performance.timeOfFlight();
        this.envelope = performance.envelope();
        this.ellipsoid = ellipsoid;
        this.frame = new LocalFrame(ellipsoid, site);
        this.siteHeight = site.altitude();
        this.launchDelay = launchDelayS;
        this.maxFlightTime = performance.type().maxFlightTimeS();
        this.maxRange = Math.max(envelope.maxRangeM(), envelope.rangeAtCeilingM());
        // Inside: ground range ≤ maxRange and 0 ≤ height ≤ ceiling above the launcher; the ENU up
        // coordinate lies between the height less the Earth's curvature drop (ρ²/2R, R ≥ 6.3e6 m)
        // and the height; 0.1 % and 100 m more for the ellipsoid's departure from that sphere.
        double drop = maxRange * maxRange / (2 * 6.3e6);
        double up = Math.max(envelope.ceilingM(), drop);
        this.reach = Math.sqrt(maxRange * maxRange + up * up) * 1.001 + 100.0;
        this.plain = plain;
        this.rangeStep = table.rangeStepM();
        int columns = Math.max(1, table.rangeCount() - 1);
        this.minTof = new double[columns];
        double least = Double.POSITIVE_INFINITY;
        for (int i = table.rangeCount() - 1; i >= 0; i--) {
            for (int j = 0; j < table.heightCount(); j++) {
                double v = table.nodeTimeOfFlight(i, j);
                if (v < least) {
                    least = v;
                }
            }
            if (i < columns) {
                minTof[i] = least;
            }
        }
    }

    /**
     * A bound on the distance from the launcher of any point inside the engagement envelope (m);
     * NaN if the envelope is empty.
     */
    public double reachM() {
        return reach;
    }

    /**
     * The earliest intercept of a predicted path.
     *
     * @param path the threat's predicted path
     * @param now  decision time (s)
     * @return the earliest feasible intercept, or null if there is none before the path ends or
     *         the earliest lies more than the self-destruct time after the launch
     */
    public Solution solve(FlightPath path, double now) {
        double launch = now + launchDelay;
        double end = path.impactTime();
        double start = Math.max(launch, path.startTime());
        if (!(end > start)) {
            return null;
        }
        Probe p = new Probe();
        double prev = start;
        double gPrev = g(p, path, prev, launch);
        if (gPrev <= 0) {
            return solution(p, path, prev, launch);
        }
        double speed = plain ? Double.POSITIVE_INFINITY : path.speedBoundMps();
        double skipUntil = skipUntil(p, prev, gPrev, speed, launch);
        boolean prevKnown = true;
        for (long k = 1; ; k++) {
            if (prev - launch > maxFlightTime) {
                // any intercept from here on lies past the self-destruct time
                return null;
            }
            double tk = Math.min(start + k * COARSE_STEP_S, end);
            if (tk < skipUntil) {
                // provably no intercept before skipUntil (outside the envelope, or too soon): on to
                // the first grid time at or after it, as the plain pass would have stepped there
                if (!(skipUntil <= end)) {
                    return null;
                }
                long next = firstAtOrAfter(start, skipUntil, k);
                prev = Math.min(start + (next - 1) * COARSE_STEP_S, end);
                prevKnown = false;
                k = next - 1;
                continue;
            }
            double gk = g(p, path, tk, launch);
            if (gk <= 0) {
                if (!prevKnown) {
                    // the bracket's start was skipped: its value as the plain pass had it
                    gPrev = g(p, path, prev, launch);
                }
                double hit = Double.isNaN(gPrev) ? enter(p, path, prev, tk, launch)
                        : root(p, path, prev, gPrev, tk, gk, launch);
                return solution(p, path, hit, launch);
            }
            if (tk >= end) {
                return null;
            }
            prev = tk;
            gPrev = gk;
            prevKnown = true;
            skipUntil = skipUntil(p, tk, gk, speed, launch);
        }
    }

    // The least index j ≥ k of the grid start + j·step with start + j·step ≥ until (the grid times
    // as the coarse pass computes them, so rounding cannot move the answer by a sample).
    private static long firstAtOrAfter(double start, double until, long k) {
        long j = Math.max(k, (long) Math.ceil((until - start) / COARSE_STEP_S));
        while (j > k && start + (j - 1) * COARSE_STEP_S >= until) {
            j--;
        }
        while (start + j * COARSE_STEP_S < until) {
            j++;
        }
        return j;
    }

    // The time before which no sample can have g ≤ 0, after a sample at t with value gt (NaN or
    // positive): the path stays out of reach (after a sample beyond the envelope's reach), or the
    // interceptor cannot arrive in time; t itself when nothing can be skipped.
    private double skipUntil(Probe p, double t, double gt, double speed, double launch) {
        if (plain) {
            return t;
        }
        double until = t;
        if (Double.isNaN(gt)) {
            double out = p.distance - reach;
            if (out > 0) {
                until = t + out / speed;
            }
        }
        return Math.max(until, tooSoonUntil(p.groundRange, t, speed, launch));
    }

    // With the sample at t at ground range groundRange: g(t + τ) = launch + TOF − t − τ, and TOF is
    // at least minTof of the column of the ground range then, itself at least groundRange − v·τ (the
    // ground range is 1-Lipschitz in the position, and minTof does not decrease outwards). The first
    // τ at which that bound is no longer positive (tooSoonTau); a little is taken off for rounding.
    private double tooSoonUntil(double groundRange, double t, double speed, double launch) {
        double r = groundRange * (1 - 1e-12);
        if (!(r >= 0)) {
            return t;
        }
        double tau = tooSoonTau(minTof, rangeStep, r, t, speed, launch);
        return tau > 0 ? t + tau * (1 - 1e-9) - 1e-9 : t;
    }

    /**
     * The first τ ≥ 0 at which launch + minTof[column of r − v·τ] − t ≤ τ, the columns {@code step}
     * wide and the last one open outwards: what walking the columns inwards from r's finds (the
     * column where the ground range is at τ = limit, or where it enters the column if limit is
     * already below that), found by bisection over the columns instead. Both sides are monotone in
     * the column, in floating point too (minTof does not increase inwards and the time to reach a
     * column's inner edge, (r − i·step)/v, does not decrease), so the column found is the walk's,
     * and the value is computed by the walk's expressions: the same bits.
     */
    static double tooSoonTau(double[] minTof, double step, double r, double t, double speed, double launch) {
        int top = (int) Math.min(r / step, minTof.length - 1);
        // the walk's first column, where it enters at τ = 0
        double limit = launch + minTof[top] - t;
        if (!(limit > 0)) {
            return 0;
        }
        if (top == 0 || limit <= (r - top * step) / speed) {
            return limit;
        }
        // the innermost column is always reached in time (its inner edge is never); find the outermost
        // column below the first at which the bound stops being positive
        int lo = 0;
        int hi = top - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (launch + minTof[mid] - t <= (r - mid * step) / speed) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double enter = (r - (lo + 1) * step) / speed;
        double at = launch + minTof[lo] - t;
        return !(at > enter) ? enter : at;
    }

    // g(t), or NaN outside the envelope or the table; leaves distance set, and range, height and
    // tof unless the point is beyond the envelope's greatest ground range.
    private double g(Probe p, FlightPath path, double t, double launch) {
        double[] state = p.state;
        double[] enu = p.enu;
        path.stateAt(t, state);
        frame.ecefToEnu(state[0], state[1], state[2], enu);
        double r2 = enu[0] * enu[0] + enu[1] * enu[1];
        p.distance = Math.sqrt(r2 + enu[2] * enu[2]);
        p.groundRange = Math.sqrt(r2);
        if (r2 > maxRange * maxRange * (1 + 1e-9)) {
            // beyond every band: outside, without the geodetic height (range and height unset)
            p.tof = Double.NaN;
            return Double.NaN;
        }
        p.range = p.groundRange;
        p.height = ellipsoid.height(state[0], state[1], state[2]) - siteHeight;
        if (!envelope.contains(p.range, p.height)) {
            p.tof = Double.NaN;
            return Double.NaN;
        }
        p.tof = table.timeOfFlight(p.range, p.height);
        return launch + p.tof - t; // NaN when the table has no value here
    }

    // Illinois iteration on g over [a, b] with g(a) > 0 ≥ g(b); returns a time with g ≤ 0.
    private double root(Probe p, FlightPath path, double a, double ga, double b, double gb, double launch) {
        int side = 0;
        for (int it = 0; it < 60 && b - a > TOLERANCE_S; it++) {
            double x = (a * gb - b * ga) / (gb - ga);
            if (!(x > a && x < b)) {
                x = 0.5 * (a + b);
            }
            double gx = g(p, path, x, launch);
            if (Double.isNaN(gx)) {
                // left the envelope inside the bracket: fall back on bisection of the condition
                return enter(p, path, a, b, launch);
            }
            if (gx > 0) {
                a = x;
                ga = gx;
                if (side == -1) {
                    gb *= 0.5;
                }
                side = -1;
            } else {
                b = x;
                gb = gx;
                if (side == 1) {
                    ga *= 0.5;
                }
                side = 1;
            }
        }
        return b;
    }

    // Bisection on the condition "inside and g ≤ 0", false at a, true at b; returns a time where it holds.
    private double enter(Probe p, FlightPath path, double a, double b, double launch) {
        while (b - a > TOLERANCE_S) {
            double mid = 0.5 * (a + b);
            double gm = g(p, path, mid, launch);
            if (gm <= 0) {
                b = mid;
            } else {
                a = mid;
            }
        }
        return b;
    }

    // The solution at t, or null if t is past the self-destruct time: the earliest intercept is
    // then too late, and so is every later one.
    private Solution solution(Probe p, FlightPath path, double t, double launch) {
        if (t - launch > maxFlightTime) {
            return null;
        }
        g(p, path, t, launch); // sets state, range, height, tof at the intercept time
        double speed = table.arrivalSpeed(p.range, p.height);
        double[] x = p.state;
        return new Solution(launch, t, new double[] {x[0], x[1], x[2]}, p.range, p.height, p.tof, speed);
    }
}
