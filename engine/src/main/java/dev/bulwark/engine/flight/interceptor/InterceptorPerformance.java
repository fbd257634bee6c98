package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an interceptor type can reach, computed from its fly-out model
 * ({@link InterceptorFlight}): the {@link TimeOfFlightTable} and the
 * {@link EngagementEnvelope}. Computed once per type ({@link #of}) at a reference site, or
 * for a given site and grid ({@link #compute}); deterministic — the same inputs give the same
 * tables bit for bit, on any thread.
 *
 * <p>Method. Aim points are placed due north of the site at ground range i·Δr and height
 * j·Δh above the site (both {@link #DEFAULT_GRID_STEP_M} by default), Earth-fixed; for each,
 * one interceptor is launched in the direction of {@link InterceptorFlight#launchDirection}
 * and flown under proportional navigation to its closest approach, for up to
 * {@link #TABLE_TIME_MARGIN} times the self-destruct time. Each height row is flown outwards
 * from the site until the first node beyond the reached ones; rows are added upwards until
 * one is not reached anywhere. The flight time and speed at the closest approach fill the
 * table. The envelope's criterion is that of {@link EngagementEnvelope}; in each row its
 * boundaries are bracketed by the grid and then located by bisection with direct fly-outs to
 * {@link #BOUNDARY_TOLERANCE_M}; so is the ceiling, in height, at the ground range where the
 * top row has most speed to spare.
 *
 * <p>The reference site ({@link #REFERENCE_SITE}) is at sea level at 31.5° N; a battery at
 * another latitude or azimuth sees gravity and Coriolis differ by well under 0.1% of the
 * flight time. A battery well above sea level flies in thinner air and does slightly better;
 * compute its own tables with {@link #compute} if that matters.
 */
public final class InterceptorPerformance {

    /** Site of the cached tables: sea level, 31.5° N, 34.5° E. */
    public static final GeodeticPoint REFERENCE_SITE = GeodeticPoint.ofDegrees(31.5, 34.5, 0);
    /** Default grid step in ground range and in height (m). */
    public static final double DEFAULT_GRID_STEP_M = 250.0;
    /** The table is flown up to this multiple of the self-destruct time. */
    public static final double TABLE_TIME_MARGIN = 1.25;
    /** Accuracy to which envelope boundaries and the ceiling are located (m). */
    public static final double BOUNDARY_TOLERANCE_M = 2.0;
    private static final int MAX_NODES_PER_AXIS = 1_000;

    private static final Map<InterceptorType, InterceptorPerformance> CACHE = new ConcurrentHashMap<>();

    private final InterceptorType type;
    private final TimeOfFlightTable table;
    private final EngagementEnvelope envelope;

    private InterceptorPerformance(InterceptorType type, TimeOfFlightTable table, EngagementEnvelope envelope) {
        this.type = type;
        this.table = table;
        this.envelope = envelope;
    }

    /**
     * The tables of a type at the reference site on the WGS84 Earth, with the default grid,
     * computed on first use and kept.
     */
    public static InterceptorPerformance of(InterceptorType type) {
        return CACHE.computeIfAbsent(type,
                t -> compute(t, EarthModel.WGS84, REFERENCE_SITE, DEFAULT_GRID_STEP_M, DEFAULT_GRID_STEP_M));
    }

    /**
     * Computes the tables of a type for a site.
     *
     * @param type        the interceptor
     * @param earth       the Earth model
     * @param site        the launcher
     * @param rangeStepM  grid step in ground range (m)
     * @param heightStepM grid step in height (m)
     * @return the tables
     */
    public static InterceptorPerformance compute(InterceptorType type, EarthModel earth, GeodeticPoint site,
            double rangeStepM, double heightStepM) {
        if (!(rangeStepM > 0) || !(heightStepM > 0)) {
            throw new IllegalArgumentException("grid steps must be positive");
        }
        return new Builder(type, earth, site, rangeStepM, heightStepM).build();
    }

    /** The interceptor type. */
    public InterceptorType type() {
        return type;
    }

    /** Time of flight and arrival speed against ground range and height. */
    public TimeOfFlightTable timeOfFlight() {
        return table;
    }

    /** The engagement envelope. */
    public EngagementEnvelope envelope() {
        return envelope;
    }

    /**
     * The envelope's criterion applied to a fly-out against an Earth-fixed aim point: reached
     * within the lethal radius, between fuze arming and self-destruct, with at least the minimum
     * intercept speed left.
     */
    public static boolean reaches(InterceptorType type, InterceptResult result) {
        double t = result.flightTimeS();
        return isClosestApproach(result.reason()) && result.missDistanceM() <= type.lethalRadiusM()
                && t >= type.minFlightTimeS() && t <= type.maxFlightTimeS()
                && result.interceptorSpeedMps() >= type.minInterceptSpeedMps();
    }

    private static boolean isClosestApproach(InterceptResult.Reason reason) {
        return reason == InterceptResult.Reason.HIT || reason == InterceptResult.Reason.MISSED
                || reason == InterceptResult.Reason.FUZE_NOT_ARMED
                || reason == InterceptResult.Reason.FLIGHT_TIME_EXCEEDED;
    }

    /**
     * The ECEF position (m) of a point at a ground range (m) along an azimuth (rad, clockwise
     * from north) from a site and a height (m) above the site's: the east-north offset is exact,
     * the up offset is corrected until the geodetic height matches to a millimetre.
     */
    public static void pointAt(Ellipsoid ellipsoid, LocalFrame frame, double groundRangeM, double azimuthRad,
            double heightM, double[] out) {
        double e = groundRangeM * Math.sin(azimuthRad);
        double n = groundRangeM * Math.cos(azimuthRad);
        double wanted = frame.site().altitude() + heightM;
        double up = heightM;
        for (int it = 0; it < 5; it++) {
            frame.enuToEcef(e, n, up, out);
            double err = wanted - ellipsoid.height(out[0], out[1], out[2]);
            if (Math.abs(err) < 1e-3) {
                return;
            }
            up += err;
        }
        frame.enuToEcef(e, n, up, out);
    }

    /** Computes the grid and the envelope: one fly-out model, flown point by point in a fixed order. */
    private static final class Builder {
        private final InterceptorType type;
        private final Ellipsoid ellipsoid;
        private final GeodeticPoint site;
        private final LocalFrame frame;
        private final InterceptorFlight flight;
        private final double dr;
        private final double dh;
        private final double[] aim = new double[3];
        private final double[] direction = new double[3];

        Builder(InterceptorType type, EarthModel earth, GeodeticPoint site, double dr, double dh) {
            this.type = type;
            this.ellipsoid = earth.ellipsoid();
            this.site = site;
            this.frame = new LocalFrame(ellipsoid, site);
            this.flight = new InterceptorFlight(type, earth);
            this.dr = dr;
            this.dh = dh;
        }

        InterceptResult flyTo(double range, double height, double limit) {
            pointAt(ellipsoid, frame, range, 0.0, height, aim);
            flight.launchDirection(site, aim, direction);
            return flight.fly(0.0, site, direction, TargetMotion.fixed(aim), limit, null);
        }

        boolean reachable(double range, double height) {
            return reaches(type, flyTo(range, height, type.maxFlightTimeS() * 1.01));
        }

        InterceptorPerformance build() {
            double limit = TABLE_TIME_MARGIN * type.maxFlightTimeS();
            double[][] tofRows = new double[MAX_NODES_PER_AXIS][];
            double[][] speedRows = new double[MAX_NODES_PER_AXIS][];
            int rows = 0;
            int columns = 2;
            int lastSeenRow = -1;
            // beyond this no node can be reached: the interceptor's ideal speed for the whole time
            int farthest = (int) Math.min(MAX_NODES_PER_AXIS - 1.0,
                    Math.ceil(limit * Math.min(type.idealDeltaVMps(), 1e5) / dr));
            while (rows < MAX_NODES_PER_AXIS) {
                double h = rows * dh;
                double[] tof = new double[MAX_NODES_PER_AXIS];
                double[] speed = new double[MAX_NODES_PER_AXIS];
                Arrays.fill(tof, Double.NaN);
                Arrays.fill(speed, Double.NaN);
                boolean seen = false;
                // a row that reaches nothing near the site reaches nothing further out than the row below
                int giveUp = lastSeenRow < 0 ? farthest : Math.min(farthest, columns + 1);
                for (int i = 0; i <= farthest; i++) {
                    InterceptResult r = flyTo(i * dr, h, limit);
                    if (isClosestApproach(r.reason()) && r.missDistanceM() <= type.lethalRadiusM()) {
                        tof[i] = r.flightTimeS();
                        speed[i] = r.interceptorSpeedMps();
                        seen = true;
                        columns = Math.max(columns, i + 2);
                    } else if (seen || i >= giveUp) {
                        break;
                    }
                }
                if (seen) {
                    lastSeenRow = rows;
                } else if (rows > lastSeenRow + 1 || lastSeenRow >= 0) {
                    break;
                }
                tofRows[rows] = tof;
                speedRows[rows] = speed;
                rows++;
            }
            int heights = Math.max(rows, 2);
            int ranges = Math.min(columns, MAX_NODES_PER_AXIS);
            double[] tof = new double[heights * ranges];
            double[] speed = new double[heights * ranges];
            Arrays.fill(tof, Double.NaN);
            Arrays.fill(speed, Double.NaN);
            for (int j = 0; j < rows; j++) {
                System.arraycopy(tofRows[j], 0, tof, j * ranges, ranges);
                System.arraycopy(speedRows[j], 0, speed, j * ranges, ranges);
            }
            TimeOfFlightTable table = new TimeOfFlightTable(type, site, dr, dh, ranges, heights, tof, speed);
            return new InterceptorPerformance(type, table, envelope(table, heights, ranges));
        }

        private boolean nodeInside(TimeOfFlightTable table, int i, int j) {
            double t = table.nodeTimeOfFlight(i, j);
            double v = table.nodeArrivalSpeed(i, j);
            return t >= type.minFlightTimeS() && t <= type.maxFlightTimeS() && v >= type.minInterceptSpeedMps();
        }

        private EngagementEnvelope envelope(TimeOfFlightTable table, int heights, int ranges) {
            double[] minRange = new double[heights];
            double[] maxRange = new double[heights];
            Arrays.fill(minRange, Double.NaN);
            Arrays.fill(maxRange, Double.NaN);
            int top = -1;
            int topColumn = -1;
            for (int j = 0; j < heights; j++) {
                int first = -1;
                int last = -1;
                double bestMargin = Double.NEGATIVE_INFINITY;
                int bestColumn = -1;
                for (int i = 0; i < ranges; i++) {
                    if (nodeInside(table, i, j)) {
                        if (first < 0) {
                            first = i;
                        }
                        last = i;
                        double margin = table.nodeArrivalSpeed(i, j);
                        if (margin > bestMargin) {
                            bestMargin = margin;
                            bestColumn = i;
                        }
                    }
                }
                if (first < 0) {
                    continue;
                }
                double h = j * dh;
                minRange[j] = first == 0 ? 0.0 : bisectRange(h, (first - 1) * dr, first * dr, false);
                maxRange[j] = bisectRange(h, last * dr, (last + 1) * dr, true);
                top = j;
                topColumn = bestColumn;
            }
            double ceiling = Double.NaN;
            double rangeAtCeiling = Double.NaN;
            if (top >= 0) {
                rangeAtCeiling = topColumn * dr;
                double lo = top * dh;
                double hi = (top + 1) * dh;
                while (hi - lo > BOUNDARY_TOLERANCE_M) {
                    double mid = 0.5 * (lo + hi);
                    if (reachable(rangeAtCeiling, mid)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                ceiling = lo;
            }
            return new EngagementEnvelope(type, site, dh, minRange, maxRange, ceiling, rangeAtCeiling);
        }

        // Boundary in ground range at height h between an inside and an outside range; `outward`
        // says whether the inside one is the nearer. Returns the last range found inside.
        private double bisectRange(double h, double a, double b, boolean outward) {
            double inside = outward ? a : b;
            double outside = outward ? b : a;
            while (Math.abs(outside - inside) > BOUNDARY_TOLERANCE_M) {
                double mid = 0.5 * (inside + outside);
                if (reachable(mid, h)) {
                    inside = mid;
                } else {
                    outside = mid;
                }
            }
            return inside;
        }
    }
}
