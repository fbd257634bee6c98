package dev.bulwark.engine.flight;

/**
 * The Illinois variant of regula falsi: a bracketed secant iteration that halves the function
 * value kept at an end that has stayed put for two steps, so it converges superlinearly
 * without losing the bracket (Dowell &amp; Jarratt, "A modified regula falsi method for
 * computing the root of an equation", <i>BIT</i> 11, 1971, 168–174). Every physical event
 * of the flight models (ground impact, closest approach) and the aiming solver use it.
 *
 * <p>Allocates nothing itself; a caller on a hot path keeps its {@link Function} in a field.
 */
public final class Illinois {

    /** A function of one variable. */
    @FunctionalInterface
    public interface Function {
        /** The value at x. */
        double value(double x);
    }

    private Illinois() {
    }

    /**
     * A root of f in [lo, hi], given f at both ends with opposite signs (or zero at one end).
     *
     * @param f             the function
     * @param lo            lower end of the bracket
     * @param flo           f(lo)
     * @param hi            upper end of the bracket
     * @param fhi           f(hi)
     * @param xTolerance    stop when the bracket is no wider than this
     * @param fTolerance    stop at a point where |f| is below this (0: never)
     * @param maxIterations most evaluations of f
     * @return that point, or else the middle of the last bracket
     */
    public static double root(Function f, double lo, double flo, double hi, double fhi, double xTolerance,
            double fTolerance, int maxIterations) {
        int side = 0;
        boolean loNegative = flo < 0;
        for (int it = 0; it < maxIterations && hi - lo > xTolerance; it++) {
            double x = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            double fx = f.value(x);
            if (Math.abs(fx) < fTolerance) {
                return x;
            }
            if ((fx < 0) == loNegative) {
                lo = x;
                flo = fx;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = x;
                fhi = fx;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (lo + hi);
    }
}
