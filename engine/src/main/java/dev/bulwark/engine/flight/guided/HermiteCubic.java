package dev.bulwark.engine.flight.guided;

/**
 * The cubic that matches a position and velocity at each end of an interval, evaluated with
 * its derivative: the dense output of every guided trajectory. Its position error is O(h⁴),
 * the order of the classical Runge–Kutta step, and its velocity is the exact derivative of its
 * position, so a reader never sees a velocity that disagrees with the motion (Hairer, Nørsett
 * &amp; Wanner, <i>Solving Ordinary Differential Equations I</i>, 2nd ed., 1993, §II.6).
 */
final class HermiteCubic {

    private HermiteCubic() {
    }

    /**
     * @param ya  array holding the state at the start (x, y, z, vx, vy, vz)
     * @param a   offset of that state
     * @param yb  array holding the state at the end
     * @param b   offset of that state
     * @param h   length of the interval (s), positive
     * @param s   fraction of the interval, in [0, 1]
     * @param out receives the interpolated position (m) and velocity (m/s)
     */
    static void evaluate(double[] ya, int a, double[] yb, int b, double h, double s, double[] out) {
        // basis of the cubic Hermite interpolant in the fraction s, and its derivatives in time
        double s2 = s * s;
        double s3 = s2 * s;
        double p0 = 2 * s3 - 3 * s2 + 1;
        double m0 = (s3 - 2 * s2 + s) * h;
        double p1 = 3 * s2 - 2 * s3;
        double m1 = (s3 - s2) * h;
        double dp0 = 6 * (s2 - s) / h;
        double dm0 = 3 * s2 - 4 * s + 1;
        double dp1 = -dp0;
        double dm1 = 3 * s2 - 2 * s;
        for (int k = 0; k < 3; k++) {
            double x0 = ya[a + k];
            double v0 = ya[a + 3 + k];
            double x1 = yb[b + k];
            double v1 = yb[b + 3 + k];
            out[k] = p0 * x0 + m0 * v0 + p1 * x1 + m1 * v1;
            out[3 + k] = dp0 * x0 + dm0 * v0 + dp1 * x1 + dm1 * v1;
        }
    }
}
