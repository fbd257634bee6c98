package dev.bulwark.engine.track;

/** Argument checks and small dense linear algebra shared by the {@link StateFilter}s. */
final class Filters {

    /** ln 2π. */
    static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private Filters() {
    }

    /** Checks an initial state and covariance; returns nothing, throws on bad input. */
    static void checkInitial(double[] x, double[] p, int n) {
        if (x == null || x.length < n || p == null || p.length < n * n) {
            throw new IllegalArgumentException("need a state of " + n + " values and a covariance of " + n * n
                    + " (row-major)");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("state entry " + i + " is not finite: " + x[i]);
            }
            if (!(p[i * n + i] >= 0) || Double.isInfinite(p[i * n + i])) {
                throw new IllegalArgumentException("covariance diagonal entry " + i + " must be finite and >= 0, got "
                        + p[i * n + i]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = p[i * n + j];
                double b = p[j * n + i];
                double scale = Math.sqrt(p[i * n + i] * p[j * n + j]);
                if (!Double.isFinite(a) || Math.abs(a - b) > 1e-9 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("the covariance must be symmetric: P[" + i + "][" + j + "] = " + a
                            + " but P[" + j + "][" + i + "] = " + b);
                }
            }
        }
    }

    /** Copies P into out, symmetrised (the mean of P and Pᵀ). */
    static void copySymmetric(double[] p, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i * n + i] = p[i * n + i];
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (p[i * n + j] + p[j * n + i]);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
    }

    static void checkMotion(MotionModel model, double dt, int n) {
        if (model == null) {
            throw new IllegalArgumentException("a motion model is needed to predict");
        }
        if (model.dimension() != n) {
            throw new IllegalArgumentException("the motion model has " + model.dimension()
                    + " states, the filter " + n);
        }
        if (!Double.isFinite(dt)) {
            throw new IllegalArgumentException("the time step must be finite, got " + dt);
        }
    }

    static void checkMeasurement(MeasurementModel model, double[] z, int n, int maxM) {
        if (model == null) {
            throw new IllegalArgumentException("a measurement model is needed to update");
        }
        if (!model.accepts(n)) {
            throw new IllegalArgumentException(model.getClass().getSimpleName() + " cannot measure a state of "
                    + n + " entries");
        }
        if (model.dimension() > maxM) {
            throw new IllegalArgumentException("measurement dimension " + model.dimension()
                    + " exceeds the filter's largest, " + maxM);
        }
        if (z == null || z.length < model.dimension()) {
            throw new IllegalArgumentException("the measurement needs " + model.dimension() + " values");
        }
    }

    /** −(NIS + ln det S + m ln 2π)/2; −∞ for an infinite NIS. */
    static double logLikelihood(double nis, double logDetS, int m) {
        if (!(nis < Double.POSITIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * (nis + logDetS + m * LOG_TWO_PI);
    }

    /**
     * Lower Cholesky factor L of a symmetric n×n matrix (A = L Lᵀ) into l; the upper triangle of l
     * is zeroed. Returns false if A is not positive definite (a pivot ≤ 0 or NaN).
     */
    static boolean cholesky(double[] a, int n, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    acc -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(acc > 0)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(acc);
                } else {
                    l[i * n + j] = acc / l[j * n + j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[i * n + j] = 0;
            }
        }
        return true;
    }

    /** Solves L Lᵀ y = b in place (b of n values), L from {@link #cholesky}. */
    static void choleskySolve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double acc = b[i];
            for (int j = 0; j < i; j++) {
                acc -= l[i * n + j] * b[j];
            }
            b[i] = acc / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double acc = b[i];
            for (int j = i + 1; j < n; j++) {
                acc -= l[j * n + i] * b[j];
            }
            b[i] = acc / l[i * n + i];
        }
    }
}
