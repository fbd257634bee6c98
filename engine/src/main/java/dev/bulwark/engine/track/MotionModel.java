package dev.bulwark.engine.track;

/** How a track's state is expected to evolve between measurements: supplies the filter's prediction matrices. */
public interface MotionModel {

    /** State dimension. */
    int dimension();

    /**
     * Fills the transition matrix, known input and process noise for a time step.
     *
     * @param x  current state (read only)
     * @param dt time step (s)
     * @param f  receives the transition matrix (n×n, row-major)
     * @param b  receives the known input added after F x (n)
     * @param q  receives the process noise covariance (n×n)
     */
    void transition(double[] x, double dt, double[] f, double[] b, double[] q);

    /**
     * Whether the matrices depend on the state as well as the time step. When not, a caller may
     * reuse one {@link #transition} for every track stepped by the same dt. Default: true.
     */
    default boolean dependsOnState() {
        return true;
    }

    /**
     * The state flown over a step without noise, f(x). For a linear model (and the default) it
     * is F x + b from {@link #transition}; a nonlinear model overrides it with its own dynamics,
     * which the unscented filter uses at each sigma point. The default allocates the matrices on
     * every call: models used in a loop override it.
     *
     * @param x   current state (read only)
     * @param dt  time step (s)
     * @param out receives f(x) (n); may not be {@code x}
     */
    default void propagate(double[] x, double dt, double[] out) {
        int n = dimension();
        double[] f = new double[n * n];
        double[] b = new double[n];
        transition(x, dt, f, b, new double[n * n]);
        for (int i = 0; i < n; i++) {
            double acc = b[i];
            for (int j = 0; j < n; j++) {
                acc += f[i * n + j] * x[j];
            }
            out[i] = acc;
        }
    }
}
