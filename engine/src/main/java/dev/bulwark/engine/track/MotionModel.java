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
}
