package dev.bulwark.engine.flight;

import java.util.Arrays;

/**
 * The time intervals in which a condition on a flight holds (inside an engagement envelope,
 * above the radar horizon...), with their ends located by root finding.
 *
 * <p>The condition is sampled every {@code checkStep}; where two samples differ, the switch
 * between them is located by bisection of the indicator to {@code tolerance}. As with the
 * maximum check interval of any event detector (Orekit's {@code AbstractDetector}), a spell
 * shorter than the check step that begins and ends between two samples is missed: choose the
 * step below the shortest spell that matters.
 */
public final class Intervals {

    /** A condition at a time. */
    @FunctionalInterface
    public interface Condition {
        /** Whether the condition holds at time t (s). */
        boolean holds(double t);
    }

    private Intervals() {
    }

    /**
     * The intervals of [t0, t1] in which a condition holds.
     *
     * @param condition the condition
     * @param t0        start (s)
     * @param t1        end (s), not before t0
     * @param checkStep sampling step (s), positive
     * @param tolerance accuracy of each end (s), positive
     * @return {start, end} of each interval in time order, flattened: {s0, e0, s1, e1, ...}; an
     *         interval still open at t1 ends at t1, one already open at t0 starts at t0
     */
    public static double[] where(Condition condition, double t0, double t1, double checkStep, double tolerance) {
        if (!(t1 >= t0) || !(checkStep > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("need t0 <= t1 and a positive step and tolerance");
        }
        double[] out = new double[4];
        int n = 0;
        boolean inside = condition.holds(t0);
        if (inside) {
            out[n++] = t0;
        }
        double prev = t0;
        while (prev < t1) {
            double t = Math.min(t1, prev + checkStep);
            boolean now = condition.holds(t);
            if (now != inside) {
                double lo = prev;
                double hi = t;
                while (hi - lo > tolerance) {
                    double mid = 0.5 * (lo + hi);
                    if (condition.holds(mid) == inside) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = 0.5 * (lo + hi);
                inside = now;
            }
            prev = t;
        }
        if (inside) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n + 1);
            }
            out[n++] = t1;
        }
        return Arrays.copyOf(out, n);
    }
}
