package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * Precomputed interceptor time of flight and arrival speed on a grid of ground range and
 * height from the launcher, for finding predicted intercept points quickly
 * ({@link PredictedIntercept}).
 *
 * <p>Each node holds the flight time to, and the interceptor's speed at, the closest approach
 * of an {@link InterceptorFlight} fly-out launched towards an Earth-fixed aim point at that
 * ground range and height (see {@link InterceptorPerformance} for how, and at which site the
 * grid is flown). Nodes are flown up to {@link InterceptorPerformance#TABLE_TIME_MARGIN} times
 * the self-destruct time, so that the table reaches past the engagement envelope and
 * interpolates correctly up to its edge; a node the fly-out did not reach within that time, or
 * passed by more than the lethal radius, or flew into the ground on the way to, holds NaN.
 *
 * <p>Ground range is the horizontal distance in the launcher's east-north-up frame (m); height
 * is the geodetic height above the launcher's own (m). Lookups interpolate bilinearly between
 * the four surrounding nodes (Press et al., <i>Numerical Recipes</i>, 3rd ed., 2007, §3.6) and
 * return NaN if any of them is NaN or the point is off the grid. Between nodes the flight time
 * is smooth, so the interpolation error is second order in the grid step; the tests bound it
 * against direct fly-outs.
 *
 * <p>Neglected: the target's motion (a real intercept point is met by a moving target, whose
 * end-game geometry changes the flight slightly), and the dependence on azimuth and latitude
 * (Coriolis and the variation of gravity, under 0.1% of the flight time at these ranges).
 *
 * <p>Immutable and thread-safe; lookups allocate nothing.
 */
public final class TimeOfFlightTable {

    private final InterceptorType type;
    private final GeodeticPoint site;
    private final double rangeStep;
    private final double heightStep;
    private final int ranges;
    private final int heights;
    private final double[] tof;   // row-major: [height index * ranges + range index]
    private final double[] speed;

    TimeOfFlightTable(InterceptorType type, GeodeticPoint site, double rangeStep, double heightStep, int ranges,
            int heights, double[] tof, double[] speed) {
        this.type = type;
        this.site = site;
        this.rangeStep = rangeStep;
        this.heightStep = heightStep;
        this.ranges = ranges;
        this.heights = heights;
        this.tof = tof;
        this.speed = speed;
    }

    /** The interceptor type the table was flown for. */
    public InterceptorType type() {
        return type;
    }

    /** The launcher site the table was flown from. */
    public GeodeticPoint site() {
        return site;
    }

    /** Grid step in ground range (m). */
    public double rangeStepM() {
        return rangeStep;
    }

    /** Grid step in height (m). */
    public double heightStepM() {
        return heightStep;
    }

    /** Number of grid columns (ground ranges 0, step, 2·step, ...). */
    public int rangeCount() {
        return ranges;
    }

    /** Number of grid rows (heights 0, step, 2·step, ...). */
    public int heightCount() {
        return heights;
    }

    /** Largest ground range on the grid (m). */
    public double maxGroundRangeM() {
        return (ranges - 1) * rangeStep;
    }

    /** Largest height on the grid (m). */
    public double maxHeightM() {
        return (heights - 1) * heightStep;
    }

    /** Flight time (s) at grid node (range index, height index); NaN if not reached. */
    public double nodeTimeOfFlight(int rangeIndex, int heightIndex) {
        return tof[heightIndex * ranges + rangeIndex];
    }

    /** Arrival speed (m/s) at grid node (range index, height index); NaN if not reached. */
    public double nodeArrivalSpeed(int rangeIndex, int heightIndex) {
        return speed[heightIndex * ranges + rangeIndex];
    }

    /**
     * Time of flight (s) from launch to a point at a ground range (m) and height above the
     * launcher (m); NaN off the grid or next to a node that was not reached.
     */
    public double timeOfFlight(double groundRangeM, double heightM) {
        return interpolate(tof, groundRangeM, heightM);
    }

    /**
     * The interceptor's speed (m/s) on arrival at a point at a ground range (m) and height above
     * the launcher (m); NaN off the grid or next to a node that was not reached.
     */
    public double arrivalSpeed(double groundRangeM, double heightM) {
        return interpolate(speed, groundRangeM, heightM);
    }

    private double interpolate(double[] values, double groundRangeM, double heightM) {
        double x = groundRangeM / rangeStep;
        double y = heightM / heightStep;
        if (!(x >= 0 && x <= ranges - 1 && y >= 0 && y <= heights - 1)) {
            return Double.NaN;
        }
        int i = Math.min((int) x, ranges - 2);
        int j = Math.min((int) y, heights - 2);
        double fx = x - i;
        double fy = y - j;
        int base = j * ranges + i;
        double v00 = values[base];
        double v10 = values[base + 1];
        double v01 = values[base + ranges];
        double v11 = values[base + ranges + 1];
        // NaN in any corner propagates: the point is next to one the interceptor does not reach
        return (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
    }
}
