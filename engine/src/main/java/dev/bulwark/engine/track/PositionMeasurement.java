package dev.bulwark.engine.track;

/**
 * A linear measurement of position: z = H x + v with H = [I₃ 0] for any state whose first three
 * entries are the position (m), v ~ N(0, R). The measurement model of {@link ConvertedPosition}'s
 * plots (Bar-Shalom, Li &amp; Kirubarajan 2001, §10.4), with which an
 * {@link ExtendedKalmanFilter} is the linear Kalman filter.
 *
 * <p>Mutable: {@link #set} replaces z's covariance, so that one instance serves a tracker's
 * plots one after another.
 */
public final class PositionMeasurement implements MeasurementModel {

    private final double[] r = new double[9];

    /**
     * @param covariance R (m², 3×3 row-major, symmetric positive definite); copied
     */
    public PositionMeasurement(double[] covariance) {
        set(covariance);
    }

    /**
     * Replaces R.
     *
     * @param covariance R (m², 3×3 row-major); copied
     * @throws IllegalArgumentException if R is not 9 finite values, symmetric
     */
    public void set(double[] covariance) {
        if (covariance == null || covariance.length != 9) {
            throw new IllegalArgumentException("a position covariance has 9 entries (3×3 row-major)");
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = covariance[i * 3 + j];
                if (!Double.isFinite(v) || v != covariance[j * 3 + i]) {
                    throw new IllegalArgumentException("the position covariance must be finite and symmetric, got "
                            + java.util.Arrays.toString(covariance));
                }
            }
        }
        System.arraycopy(covariance, 0, r, 0, 9);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public boolean accepts(int stateDimension) {
        return stateDimension >= 3;
    }

    @Override
    public void measure(double[] x, int n, double[] out) {
        out[0] = x[0];
        out[1] = x[1];
        out[2] = x[2];
    }

    @Override
    public void jacobian(double[] x, int n, double[] out) {
        java.util.Arrays.fill(out, 0, 3 * n, 0);
        out[0] = 1;
        out[n + 1] = 1;
        out[2 * n + 2] = 1;
    }

    @Override
    public void noise(double[] out) {
        System.arraycopy(r, 0, out, 0, 9);
    }
}
