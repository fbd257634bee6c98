package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The region of ground range and height around a launcher in which an interceptor type can
 * make an intercept, computed from the fly-out model by {@link InterceptorPerformance}, not
 * typed in.
 *
 * <p>Criterion: a point is inside if an {@link InterceptorFlight} fly-out launched towards it
 * (an Earth-fixed aim point) comes within the lethal radius of it with the fuze armed and
 * before self-destruct (minimum ≤ flight time ≤ maximum) with at least the type's
 * {@link InterceptorType#minInterceptSpeedMps} left. The envelope is stored as one band per
 * grid height, each with the least and greatest ground range inside (the boundaries located to
 * a few metres by bisection with direct fly-outs), plus the ceiling (the greatest height
 * reached, located the same way at the ground range where the top band has most speed left).
 * Between bands the boundaries are interpolated linearly; between the top band and the ceiling
 * they close linearly onto the ground range of the ceiling.
 *
 * <p>Each band is taken to be one interval of ground range: the reachable set at a height
 * has no holes for a point-mass interceptor (the flight time grows and the arrival speed falls
 * monotonically with range beyond the fuze-arming distance); a hole would be filled.
 *
 * <p>Ground range is the horizontal distance in the launcher's east-north-up frame (m); height
 * is the geodetic height above the launcher's own (m). Immutable and thread-safe;
 * {@link #contains} allocates nothing.
 */
public final class EngagementEnvelope {

    /**
     * The ground ranges inside the envelope at one height.
     *
     * @param heightM    height above the launcher (m)
     * @param minRangeM  least ground range inside (m), NaN if none
     * @param maxRangeM  greatest ground range inside (m), NaN if none
     */
    public record Band(double heightM, double minRangeM, double maxRangeM) {
        /** Whether any ground range at this height is inside. */
        public boolean reachable() {
            return !Double.isNaN(minRangeM);
        }
    }

    private final InterceptorType type;
    private final GeodeticPoint site;
    private final double heightStep;
    private final double[] minRange;
    private final double[] maxRange;
    private final double ceiling;
    private final double rangeAtCeiling;
    private final int top;

    EngagementEnvelope(InterceptorType type, GeodeticPoint site, double heightStep, double[] minRange,
            double[] maxRange, double ceiling, double rangeAtCeiling) {
        this.type = type;
        this.site = site;
        this.heightStep = heightStep;
        this.minRange = minRange.clone();
        this.maxRange = maxRange.clone();
        this.ceiling = ceiling;
        this.rangeAtCeiling = rangeAtCeiling;
        int t = -1;
        for (int j = 0; j < minRange.length; j++) {
            if (!Double.isNaN(minRange[j])) {
                t = j;
            }
        }
        this.top = t;
    }

    /** The interceptor type. */
    public InterceptorType type() {
        return type;
    }

    /** The launcher site the envelope was computed for. */
    public GeodeticPoint site() {
        return site;
    }

    /** Highest height above the launcher at which an intercept can be made (m); NaN if none at all. */
    public double ceilingM() {
        return ceiling;
    }

    /** Ground range at which the ceiling was found (m). */
    public double rangeAtCeilingM() {
        return rangeAtCeiling;
    }

    /** Greatest ground range inside the envelope at any band height (m); NaN if none. */
    public double maxRangeM() {
        double best = Double.NaN;
        for (double r : maxRange) {
            if (!Double.isNaN(r) && !(r <= best)) {
                best = r;
            }
        }
        return best;
    }

    /** The band height at which {@link #maxRangeM()} is reached (m); NaN if none. */
    public double heightOfMaxRangeM() {
        double best = Double.NaN;
        double at = Double.NaN;
        for (int j = 0; j < maxRange.length; j++) {
            if (!Double.isNaN(maxRange[j]) && !(maxRange[j] <= best)) {
                best = maxRange[j];
                at = j * heightStep;
            }
        }
        return at;
    }

    /** Least ground range inside the envelope at a height (m), interpolated; NaN if none. */
    public double minRangeM(double heightM) {
        return bound(minRange, heightM);
    }

    /** Greatest ground range inside the envelope at a height (m), interpolated; NaN if none. */
    public double maxRangeM(double heightM) {
        return bound(maxRange, heightM);
    }

    /** Whether a point at a ground range (m) and height above the launcher (m) is inside. */
    public boolean contains(double groundRangeM, double heightM) {
        double lo = minRangeM(heightM);
        double hi = maxRangeM(heightM);
        return groundRangeM >= lo && groundRangeM <= hi;
    }

    /** The bands, lowest first. */
    public List<Band> bands() {
        List<Band> out = new ArrayList<>(minRange.length);
        for (int j = 0; j < minRange.length; j++) {
            out.add(new Band(j * heightStep, minRange[j], maxRange[j]));
        }
        return Collections.unmodifiableList(out);
    }

    private double bound(double[] edge, double heightM) {
        if (top < 0 || !(heightM >= 0) || heightM > ceiling) {
            return Double.NaN;
        }
        double y = heightM / heightStep;
        int j = (int) y;
        if (j >= top) {
            // between the top band and the ceiling the interval closes onto the ceiling's range
            double h0 = top * heightStep;
            double span = ceiling - h0;
            double f = span > 0 ? (heightM - h0) / span : 0;
            return edge[top] + f * (rangeAtCeiling - edge[top]);
        }
        double fy = y - j;
        // NaN in a band below the top propagates: no interval there
        return edge[j] + fy * (edge[j + 1] - edge[j]);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "EngagementEnvelope[%s: ceiling %.0f m, max range %.0f m at %.0f m]",
                type.name(), ceiling, maxRangeM(), heightOfMaxRangeM());
    }
}
