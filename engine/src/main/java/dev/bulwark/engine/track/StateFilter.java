package dev.bulwark.engine.track;

/**
 * A recursive Bayesian state estimator with a Gaussian posterior N(x, P): the one role every
 * tracking filter plays, whatever its maths ({@link ExtendedKalmanFilter},
 * {@link UnscentedKalmanFilter}, {@link ImmFilter}). The motion and measurement models are
 * supplied with each step, so the filter knows nothing of what it tracks (the split of
 * Hipparchus' {@code KalmanFilter} and Stone Soup's predictor and updater).
 *
 * <p>Not thread-safe: one filter belongs to one track.
 */
public interface StateFilter {

    /** State dimension n. */
    int dimension();

    /**
     * Sets the state and covariance (copied).
     *
     * @param state      x (n finite values)
     * @param covariance P (n×n row-major, symmetric with a non-negative diagonal)
     * @throws IllegalArgumentException if the sizes are wrong, a value is not finite or P not symmetric
     */
    void initialise(double[] state, double[] covariance);

    /** The state estimate x (live view; do not modify). */
    double[] state();

    /** The covariance P, row-major (live view; do not modify). */
    double[] covariance();

    /**
     * Predicts over a time step.
     *
     * @param model the motion model, of this filter's dimension (an {@link ImmFilter}'s modes carry
     *              their own models: pass null)
     * @param dt    time step (s), finite
     * @throws IllegalArgumentException if the model does not fit the filter or dt is not finite
     */
    void predict(MotionModel model, double dt);

    /**
     * Squared Mahalanobis distance νᵀ S⁻¹ ν of a measurement from the prediction, ν = z − ẑ its
     * innovation and S its covariance; leaves the filter unchanged. For gating.
     *
     * @param model the measurement model
     * @param z     the measurement (model.dimension() values)
     * @return the distance, or +∞ if S is not positive definite or z not finite
     * @throws IllegalArgumentException if the model does not fit the filter or z is too short
     */
    double mahalanobis(MeasurementModel model, double[] z);

    /**
     * Updates with a measurement.
     *
     * @param model the measurement model
     * @param z     the measurement
     * @return the normalised innovation squared (NIS), equal to {@link #mahalanobis} just before; +∞
     *         (and no update) if S is not positive definite or z not finite
     * @throws IllegalArgumentException if the model does not fit the filter or z is too short
     */
    double update(MeasurementModel model, double[] z);

    /**
     * ln p(z) of the last {@link #update}'s measurement under the prediction, the Gaussian
     * ln N(ν; 0, S) = −(NIS + ln det S + m ln 2π)/2 (for an IMM, the mixture's); NaN before any
     * update, −∞ after a refused one. The measurement likelihood that an interacting multiple
     * model filter and probabilistic association weigh with.
     */
    double logLikelihood();
}
