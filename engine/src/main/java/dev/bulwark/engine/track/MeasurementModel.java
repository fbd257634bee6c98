package dev.bulwark.engine.track;

/**
 * What a sensor measures of a track's state: z = h(x) + v, v ~ N(0, R). Supplies a filter's
 * update with the predicted measurement, its Jacobian and the noise covariance, and says how
 * to subtract two measurements (angles wrap).
 *
 * <p>Matrices are dense row-major {@code double[]}; the methods write into caller arrays, so
 * that a filter's update allocates nothing.
 */
public interface MeasurementModel {

    /** Measurement dimension m. */
    int dimension();

    /**
     * Whether the model can measure a state of dimension n (e.g. position first, n ≥ 3).
     *
     * @param stateDimension n
     */
    boolean accepts(int stateDimension);

    /**
     * The noise-free measurement of a state.
     *
     * @param x   state (n)
     * @param n   state dimension
     * @param out receives h(x) (m)
     */
    void measure(double[] x, int n, double[] out);

    /**
     * The Jacobian ∂h/∂x at a state (the measurement matrix H of a linear model).
     *
     * @param x   state (n)
     * @param n   state dimension
     * @param out receives H (m×n, row-major)
     */
    void jacobian(double[] x, int n, double[] out);

    /**
     * The measurement noise covariance R.
     *
     * @param out receives R (m×m, row-major, symmetric)
     */
    void noise(double[] out);

    /**
     * The difference a − b of two measurements, with angles wrapped to [−π, π). Default: the
     * plain difference.
     *
     * @param a   measurement (m)
     * @param b   measurement (m)
     * @param out receives a − b (m); may be {@code a} or {@code b}
     */
    default void residual(double[] a, double[] b, double[] out) {
        for (int i = 0; i < dimension(); i++) {
            out[i] = a[i] - b[i];
        }
    }
}
