package dev.bulwark.engine.flight;

/**
 * Cubic Hermite interpolation of a position-velocity state across one integration step:
 * the cubic that matches the positions and velocities at both ends, and its derivative.
 * Its error is O(h⁴) in position, the same order as the classical Runge–Kutta step, so dense
 * output adds no error of a lower order (Hairer, Nørsett &amp; Wanner, <i>Solving Ordinary
 * Differential Equations I</i>, 2nd ed., 1993, §II.6). Every flight model's dense output
 * uses it; it allocates nothing.
 */
public final class Hermite {

    private Hermite() {
    }

    /**
     * Interpolates between two states a step apart.
     *
     * @param states  array holding the first state (6 values: position, velocity)
     * @param a       offset of the first state in {@code states}
     * @param statesB array holding the second state
     * @param b       offset of the second state in {@code statesB}
     * @param h      the step between them (s)
     * @param s      fraction of the step, in [0, 1]
     * @param out    receives the interpolated position and velocity
     */
    public static void interpolate(double[] states, int a, double[] statesB, int b, double h, double s, double[] out) {
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = s3 - 2 * s2 + s;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = s3 - s2;
        double d00 = (6 * s2 - 6 * s) / h;
        double d10 = 3 * s2 - 4 * s + 1;
        double d01 = (-6 * s2 + 6 * s) / h;
        double d11 = 3 * s2 - 2 * s;
        for (int k = 0; k < 3; k++) {
            double p0 = states[a + k];
            double v0 = states[a + 3 + k];
            double p1 = statesB[b + k];
            double v1 = statesB[b + 3 + k];
            out[k] = h00 * p0 + h10 * h * v0 + h01 * p1 + h11 * h * v1;
            out[3 + k] = d00 * p0 + d10 * v0 + d01 * p1 + d11 * v1;
        }
    }

    /**
     * The segment of a dense output holding time t: the last node at or before t, never the
     * final node (binary search).
     *
     * @param times node times, increasing
     * @param count number of nodes in use (at least 2)
     * @param t     the time, within [times[0], times[count − 1]]
     * @return the index i of the segment [times[i], times[i + 1]]
     */
    public static int segment(double[] times, int count, double t) {
        int lo = 0;
        int hi = count - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
