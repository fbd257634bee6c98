package dev.bulwark.engine.track;

/**
 * The extended Kalman filter: the {@link KalmanFilter}'s predict and Joseph-form update on the
 * models' linearisations. Prediction x ← F x + b, P ← F P Fᵀ + Q with F, b and Q from
 * {@link MotionModel#transition} at the current estimate (for the nonlinear models here, F x + b
 * is the flown state f(x)); update with the innovation ν = z ⊖ h(x) (angles wrapped by
 * {@link MeasurementModel#residual}) and the Jacobian H = ∂h/∂x at the prediction (Bar-Shalom,
 * Li &amp; Kirubarajan, <i>Estimation with Applications to Tracking and Navigation</i>, 2001,
 * §10.3). With a linear motion model and {@link PositionMeasurement} it is the linear Kalman
 * filter.
 *
 * <p>Simplified: first order (no second-order terms, no iteration); the linearisation error is
 * not in the covariance, so a strongly nonlinear step can leave it optimistic.
 *
 * <p>Allocation-free after construction: work arrays are allocated once, and may be shared
 * between filters of one owner ({@link #ExtendedKalmanFilter(ExtendedKalmanFilter)}).
 */
public final class ExtendedKalmanFilter implements StateFilter {

    private final int n;
    private final int maxM;
    private final KalmanFilter kf;
    private final double[] f;
    private final double[] b;
    private final double[] q;
    private final double[] h;
    private final double[] r;
    private final double[] zhat;
    private final double[] nu;
    private double logLikelihood = Double.NaN;

    /**
     * @param stateDimension       n
     * @param measurementDimension the largest measurement the filter will take
     */
    public ExtendedKalmanFilter(int stateDimension, int measurementDimension) {
        if (stateDimension < 1 || measurementDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive, got " + stateDimension + " and "
                    + measurementDimension);
        }
        this.n = stateDimension;
        this.maxM = measurementDimension;
        kf = new KalmanFilter(n, maxM);
        f = new double[n * n];
        b = new double[n];
        q = new double[n * n];
        h = new double[maxM * n];
        r = new double[maxM * maxM];
        zhat = new double[maxM];
        nu = new double[maxM];
    }

    /**
     * A filter of the same dimensions sharing another's work arrays (it owns only its state and
     * covariance). Filters sharing work arrays must be used from one thread, one call at a time.
     *
     * @param workOf the filter whose work arrays to share
     */
    public ExtendedKalmanFilter(ExtendedKalmanFilter workOf) {
        this.n = workOf.n;
        this.maxM = workOf.maxM;
        kf = new KalmanFilter(workOf.kf);
        f = workOf.f;
        b = workOf.b;
        q = workOf.q;
        h = workOf.h;
        r = workOf.r;
        zhat = workOf.zhat;
        nu = workOf.nu;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void initialise(double[] state, double[] covariance) {
        Filters.checkInitial(state, covariance, n);
        kf.initialise(state, covariance);
        Filters.copySymmetric(covariance, kf.covariance(), n);
        logLikelihood = Double.NaN;
    }

    @Override
    public double[] state() {
        return kf.state();
    }

    @Override
    public double[] covariance() {
        return kf.covariance();
    }

    @Override
    public void predict(MotionModel model, double dt) {
        Filters.checkMotion(model, dt, n);
        model.transition(kf.state(), dt, f, b, q);
        kf.predict(f, b, q);
    }

    @Override
    public double mahalanobis(MeasurementModel model, double[] z) {
        int md = linearise(model, z);
        double d2 = kf.mahalanobisOfInnovation(nu, h, r, md);
        return d2 < Double.POSITIVE_INFINITY ? d2 : Double.POSITIVE_INFINITY;
    }

    @Override
    public double update(MeasurementModel model, double[] z) {
        int md = linearise(model, z);
        double nis = kf.updateWithInnovation(nu, h, r, md);
        logLikelihood = Filters.logLikelihood(nis, kf.innovationLogDeterminant(), md);
        return nis;
    }

    @Override
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The linear filter underneath, for a caller that supplies F, b, Q and H itself (the trackers' fast path). */
    KalmanFilter kalman() {
        return kf;
    }

    // ν = z ⊖ h(x), H and R at the current estimate
    private int linearise(MeasurementModel model, double[] z) {
        Filters.checkMeasurement(model, z, n, maxM);
        double[] x = kf.state();
        model.measure(x, n, zhat);
        model.residual(z, zhat, nu);
        model.jacobian(x, n, h);
        model.noise(r);
        return model.dimension();
    }
}
